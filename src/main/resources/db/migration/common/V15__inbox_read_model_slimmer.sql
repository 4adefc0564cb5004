-- The page's rows take the task's name and follow-up date from the engine's task (by its key), so the read
-- model kept two columns nobody read: it holds only what the inbox filters and sorts by.
alter table inbox_task drop column name;
alter table inbox_task drop column follow_up;
