-- Who deployed each version of the route, and why (issue 13): the engine keeps the deployment, not its author.
create table process_deployment (
    deployment_id varchar(64)   not null primary key,
    deployed_by   varchar(100)  not null,
    comment       varchar(2000) not null,
    deployed_at   timestamp with time zone not null
);
