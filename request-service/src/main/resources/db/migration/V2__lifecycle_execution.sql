-- Lifecycle, verification, deadlines, idempotency, durable execution and outcomes.

alter table dsr_request
    add column manner          varchar(16)  not null default 'AUTHENTICATED'
                                   check (manner in ('AUTHENTICATED', 'ON_BEHALF', 'PUBLIC')),
    add column submitted_role  varchar(32),
    add column attestation     text,
    add column contact         varchar(320),
    add column details         jsonb        not null default '{}'::jsonb,
    add column idem_scope      varchar(200),
    add column idem_key        varchar(200),
    add column body_hash       varchar(64),
    add column original_due_at timestamptz,
    add column extended_days   int,
    add column extension_reason text,
    add column ack_due_at      timestamptz,
    add column acknowledged_at timestamptz,
    add column responded_at    timestamptz,
    add column denial_reason   varchar(40),
    add column outcome         jsonb,
    add column round           int          not null default 0,
    add column updated_at      timestamptz;

update dsr_request set original_due_at = due_at where original_due_at is null;

alter table dsr_request add constraint dsr_request_status_known check (status in
    ('RECEIVED', 'PENDING_VERIFICATION', 'VERIFIED', 'IN_PROGRESS', 'ROUTED_TO_CONTROLLER',
     'COMPLETED', 'PARTIALLY_COMPLETED', 'DENIED', 'CANCELLED', 'FAILED'));

-- One request per (caller scope, Idempotency-Key): concurrent duplicates meet this constraint,
-- not a check-then-insert race. NULL keys are distinct, so requests without a key never clash.
create unique index dsr_request_idempotency on dsr_request (idem_scope, idem_key);
create index dsr_request_due on dsr_request (due_at, id)
    where status in ('RECEIVED', 'PENDING_VERIFICATION', 'VERIFIED', 'IN_PROGRESS', 'FAILED');
create index dsr_request_subject on dsr_request (subject_org, subject_kind, subject_id);
create index dsr_request_org on dsr_request (subject_org, received_at, id);

-- CCPA §7101: records of requests are kept for at least 24 months.
create function dsr_request_keep_24_months() returns trigger language plpgsql as $$
begin
    if old.received_at > now() - interval '24 months' then
        raise exception 'request records are kept at least 24 months (CCPA 7101)';
    end if;
    return old;
end
$$;
create trigger dsr_request_retention before delete on dsr_request
    for each row execute function dsr_request_keep_24_months();

-- Every transition: who, when, why.
create table dsr_event (
    id          bigserial    primary key,
    request_id  uuid         not null references dsr_request (id),
    from_status varchar(32),
    to_status   varchar(32)  not null,
    actor       varchar(200) not null,
    at          timestamptz  not null,
    reason_code varchar(40),
    note        text
);
create index dsr_event_request on dsr_event (request_id, id);

-- Persisted progress of each durable step: a step whose row exists is done and is never redone.
create table dsr_step (
    request_id uuid        not null references dsr_request (id),
    step       varchar(32) not null,
    result     jsonb       not null,
    done_at    timestamptz not null,
    primary key (request_id, step)
);

-- Execution log: one row per attempt of a step.
create table dsr_step_log (
    id          bigserial   primary key,
    request_id  uuid        not null references dsr_request (id),
    step        varchar(32) not null,
    attempt     int         not null,
    started_at  timestamptz not null,
    finished_at timestamptz not null,
    outcome     varchar(16) not null check (outcome in ('SUCCEEDED', 'FAILED', 'SKIPPED')),
    detail      text
);
create index dsr_step_log_request on dsr_step_log (request_id, id);

-- The ACCESS report, stored once as the JSON document handed to the subject.
create table dsr_report (
    request_id uuid        primary key references dsr_request (id),
    created_at timestamptz not null,
    body       text        not null
);

-- Routed requests: the payload sent to the controller (Client) and its delivery.
create table dsr_callback (
    request_id   uuid        primary key references dsr_request (id),
    org          varchar(64) not null,
    payload      text        not null,
    attempts     int         not null default 0,
    last_status  int,
    last_error   text,
    delivered_at timestamptz
);

-- Complaints (§13) are worked by a privacy officer.
create table dsr_note (
    id         bigserial    primary key,
    request_id uuid         not null references dsr_request (id),
    author     varchar(200) not null,
    at         timestamptz  not null,
    text       text         not null
);
create index dsr_note_request on dsr_note (request_id, id);

-- db-scheduler's table (com.github.kagkarlsson:db-scheduler, PostgreSQL layout).
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
