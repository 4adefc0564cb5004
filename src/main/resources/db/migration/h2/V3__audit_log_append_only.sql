create trigger audit_log_no_update before update on audit_log for each row call 'dk.tvaers.audit.AppendOnlyTrigger';
create trigger audit_log_no_delete before delete on audit_log for each row call 'dk.tvaers.audit.AppendOnlyTrigger';
