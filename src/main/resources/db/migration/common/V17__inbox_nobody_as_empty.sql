-- The inbox's read model: a task nobody has holds '' as its assignee instead of null. A group's claimable tasks are
-- then an equality on the second column of ix_inbox_task_group_urgency and ix_inbox_task_group_due, so a page is
-- the start of an index range in the page's order; after "assignee is null" PostgreSQL could use the index to find
-- the rows but not their order, and sorted every claimable task of the group for each page.
update inbox_task set assignee = '' where assignee is null;
alter table inbox_task alter column assignee set not null;
-- The lists' counts: each part of a scope (my tasks; a group's claimable tasks) is a range of this index, counted
-- from the index alone.
create index ix_inbox_task_scope on inbox_task (assignee, candidate_group, group_rank);
