-- Moving running cases from one version of a process to another (issue 13): who started it, between which
-- versions, the engine's batch that runs it, and the instances it was given (the dry run's "can move").
create table process_migration (
    id                   varchar(36)   not null primary key,
    source_definition_id varchar(64)   not null,
    target_definition_id varchar(64)   not null,
    batch_id             varchar(64),
    started_by           varchar(100)  not null,
    started_at           timestamp with time zone not null,
    total                integer       not null
);

create table process_migration_instance (
    migration_id        varchar(36) not null references process_migration (id),
    process_instance_id varchar(64) not null,
    case_id             varchar(64),
    primary key (migration_id, process_instance_id)
);
