-- The inbox's read model (decision 0016): a row per open task of a case and candidate group, with what the
-- inbox filters and sorts by. Kept by the engine's task listeners and the alarm evaluation; filled at start.
create table inbox_task (
    task_id         varchar(64)  not null,
    candidate_group varchar(255) not null,
    group_rank      integer      not null,
    case_id         varchar(36)  not null,
    task_key        varchar(255),
    name            varchar(255),
    assignee        varchar(255),
    created         timestamp    not null,
    due             timestamp,
    follow_up       timestamp,
    task_severity   integer      not null,
    case_severity   integer      not null,
    primary key (task_id, candidate_group)
);
-- A group's unclaimed tasks, most urgent first and by due date: a page is the start of a range of this index.
create index ix_inbox_task_group_urgency on inbox_task (candidate_group, assignee, task_severity desc, due, case_severity desc, created, task_id);
create index ix_inbox_task_group_due on inbox_task (candidate_group, assignee, due, created, task_id);
create index ix_inbox_task_assignee on inbox_task (assignee, task_severity desc, due);
create index ix_inbox_task_case on inbox_task (case_id);
