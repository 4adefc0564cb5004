-- H2 indexes every foreign key by itself; PostgreSQL does not. Without these, loading a batch of cases'
-- department reasons (or a meeting's participants) read the whole table each time: at 150,000 cases the
-- sweep spent most of its time in "select ... from case_department_reason where department_id = any (?)".
create index ix_case_department_reason_department on case_department_reason (department_id);
create index ix_meeting_participant_meeting on meeting_participant (meeting_id);
create index ix_agreement_meeting on agreement (meeting_id);
create index ix_agreement_sub_goal on agreement (sub_goal_id);
create index ix_plan_goal_parent on plan_goal (parent_id);
create index ix_plan_goal_meeting on plan_goal (meeting_id);
create index ix_rule_set_activation_version on rule_set_activation (version);
