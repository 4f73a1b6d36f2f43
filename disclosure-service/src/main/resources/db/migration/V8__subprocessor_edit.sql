-- Sub-processors may be edited (issue 13, contract C4: PUT /subprocessors/{id}, a full replacement).
-- The registry row becomes the current version: the runtime role may UPDATE it (never DELETE it),
-- and every version it replaces is kept, append-only, in subprocessor_change (who, when, before,
-- after), so the registry's history is still complete.
drop trigger append_only_row on subprocessor;
create trigger subprocessor_no_delete before delete on subprocessor
    for each row execute function steward_refuse_change();
grant update on subprocessor to current_user;

create table subprocessor_change (
    id                uuid          primary key,
    subprocessor_id   uuid          not null references subprocessor (id),
    changed_by        varchar(200)  not null,
    changed_at        timestamptz   not null,
    before            text          not null,
    after             text          not null
);
create index subprocessor_change_of on subprocessor_change (subprocessor_id, changed_at);
select steward_append_only('subprocessor_change', '${app_user}');

do $$
begin
    if exists (select 1 from pg_roles where rolname = '${app_user}') then
        execute format('grant update on subprocessor to %I', '${app_user}');
    end if;
end $$;
