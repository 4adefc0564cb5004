create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log er kun til tilføjelse: % er ikke tilladt', tg_op;
end
$$;

create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only();
