-- Idempotency-Key on every creating POST (issue 12 item 7): platform IdempotentPosts keeps the
-- first response per (scope, key) here, in the caller's transaction. DDL verbatim from platform's README.
create table idempotency_key (scope text not null, key text not null, request_hash bytea not null,
  status int, body text, created_at timestamptz not null default now(), primary key (scope, key));

-- not part of the legal record: the runtime role stores, replays and expires keys
do $$
begin
    if exists (select 1 from pg_roles where rolname = '${app_user}') then
        execute format('grant select, insert, update, delete on idempotency_key to %I', '${app_user}');
    end if;
end $$;
