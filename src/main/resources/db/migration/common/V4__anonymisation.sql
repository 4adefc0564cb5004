-- Closed cases are anonymised after the retention period; this says when it happened.
alter table case_file add column anonymised_on date;
