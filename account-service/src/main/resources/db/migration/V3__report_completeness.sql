-- Issue 11 items 3 and 4: who terminated an account for a violation (§8(c)), when and why; the text
-- of a published policy version and who published it as the token named them (§16).
alter table account
    add column terminated_by       varchar(200),
    add column terminated_by_name  varchar(200),
    add column terminated_at       timestamptz,
    add column termination_reason  varchar(500);

alter table policy_version
    add column text               text,
    add column published_by_name  varchar(200),
    add column published_by_role  varchar(40);

-- "Who looked" is recorded only for readers other than the subject (issue 12 item 6); a subject's
-- own reads recorded before this change are not reads by someone else.
delete from access_record where kind = 'ACCOUNT' and actor = subject_id;

-- The export summarises who looked per reader (group by actor, role).
create index access_record_reader on access_record (org, kind, subject_id, actor, actor_role);
