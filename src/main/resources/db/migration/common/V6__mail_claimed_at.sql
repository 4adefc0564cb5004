-- When a node claimed a mail for sending: a row left in SENDING longer than tvaers.mail.stale-after
-- (the node stopped mid-send) is released to be tried again.
alter table mail_outbox add column claimed_at timestamp with time zone;
