-- The web sessions in the database (Spring Session JDBC, issue 17): any node of a cluster serves any logged-in
-- user, and a node can be stopped without logging anyone out. The tables and columns are the ones Spring
-- Session's JdbcIndexedSessionRepository reads and writes; the attributes are serialized Java objects
-- (the security context, the engine webapps' authentications, the CSRF token).
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
-- Every node deletes the expired sessions once a minute, by this index.
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);
