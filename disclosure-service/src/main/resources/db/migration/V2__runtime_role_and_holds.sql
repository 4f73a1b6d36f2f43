-- The runtime role and legal holds (§8 b, c).
--
-- Flyway runs as the schema owner; the application connects as the runtime role ${app_user}
-- (quarkus.datasource.username). That role may only SELECT and INSERT on the legal record: no
-- UPDATE, DELETE or TRUNCATE, and a trigger refuses them for anyone who still could (the owner).
-- When the owner can create roles (superuser or CREATEROLE) and the runtime role does not exist,
-- it is created here; otherwise it must be provisioned beforehand (e.g. CloudNativePG managed roles).
-- When owner and runtime role are the same (single-role deployments), the owner revokes its own
-- UPDATE/DELETE/TRUNCATE on those tables, and the trigger still stands.
do $$
declare
    can_create boolean;
begin
    if '${app_user}' <> current_user and not exists (select 1 from pg_roles where rolname = '${app_user}') then
        select rolsuper or rolcreaterole into can_create from pg_roles where rolname = current_user;
        if can_create then
            if '${app_password}' = 'none' then
                execute format('create role %I login', '${app_user}');
            else
                execute format('create role %I login password %L', '${app_user}', '${app_password}');
            end if;
        else
            raise warning 'runtime role % does not exist and % may not create it', '${app_user}', current_user;
        end if;
    end if;
end $$;

create function steward_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'table % is append-only: % refused', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end $$;

-- Makes a table append-only for the runtime role (and, by trigger, for everyone else).
create function steward_append_only(tbl regclass, app_user text) returns void language plpgsql as $$
begin
    execute format('revoke update, delete, truncate on %s from public', tbl);
    execute format('revoke update, delete, truncate on %s from %I', tbl, current_user);
    if exists (select 1 from pg_roles where rolname = app_user) then
        execute format('grant usage on schema %I to %I', current_schema(), app_user);
        execute format('grant select, insert on %s to %I', tbl, app_user);
        execute format('revoke update, delete, truncate on %s from %I', tbl, app_user);
    end if;
    execute format('create trigger %I before update or delete on %s for each row execute function steward_refuse_change()',
                   'append_only_row', tbl);
    execute format('create trigger %I before truncate on %s for each statement execute function steward_refuse_change()',
                   'append_only_truncate', tbl);
end $$;

-- The sub-processor registry (V1) is written by inserts only as well.
select steward_append_only('subprocessor', '${app_user}');

-- A hold is placed once and released at most once: both are inserts, so the history is the rows.
create table legal_hold (
    id              uuid primary key,
    scope           varchar(10)   not null check (scope in ('SUBJECT', 'ORG')),
    org             varchar(64)   not null,
    subject_kind    varchar(10)   check (subject_kind in ('ACCOUNT', 'END_USER', 'VISITOR')),
    subject_id      varchar(128),
    reason          varchar(30)   not null check (reason in
                        ('FRAUD_INVESTIGATION', 'LITIGATION', 'ACCOUNT_VIOLATION', 'REGULATOR_REQUEST')),
    description     varchar(2000) not null,
    case_reference  varchar(200),
    placed_by       varchar(200)  not null,
    placed_at       timestamptz   not null,
    check ((scope = 'ORG') = (subject_kind is null and subject_id is null)),
    check ((scope = 'SUBJECT') = (subject_kind is not null and subject_id is not null))
);
create index legal_hold_subject on legal_hold (org, subject_kind, subject_id);
create index legal_hold_placed on legal_hold (placed_at desc, id desc);

create table legal_hold_release (
    hold_id      uuid primary key references legal_hold (id),
    reason       varchar(2000) not null,
    released_by  varchar(200)  not null,
    released_at  timestamptz   not null
);

select steward_append_only('legal_hold', '${app_user}');
select steward_append_only('legal_hold_release', '${app_user}');
