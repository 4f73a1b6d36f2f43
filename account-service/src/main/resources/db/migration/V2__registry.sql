-- The personal data registry (§2, §3, §6, §7, §10, §11, §16). Personal values are stored only as
-- Tink AEAD ciphertext under a per-subject data key; the data keys are stored wrapped by the
-- master key (envelope encryption).

alter table organisation
    add column callback_url                 varchar(2000),
    add column callback_secret_ct           bytea,           -- AEAD under the master key
    add column callback_secret_key_version  bigint,
    add column sensitive_data_acknowledged  boolean     not null default false,
    add column status_reason                varchar(500),
    add column status_changed_at            timestamptz not null default now();

-- Every data subject the registry holds fields for: an account (org 'steward'), an end user of a Client.
create table subject (
    id          bigserial    primary key,
    org         varchar(64)  not null references organisation (id),
    kind        varchar(16)  not null check (kind in ('ACCOUNT', 'END_USER', 'VISITOR')),
    ext_id      varchar(128) not null,
    created_at  timestamptz  not null default now(),
    unique (org, kind, ext_id)
);

-- The subject's data key (an AES256-GCM Tink keyset) wrapped by the master key. Deleting the row is
-- crypto-shredding: every ciphertext of the subject, including copies in backups, becomes unreadable.
create table subject_key (
    subject_id   bigint      primary key references subject (id),
    wrapped      bytea       not null,
    key_version  bigint      not null,   -- the master keyset's primary key id that wrapped it
    created_at   timestamptz not null default now(),
    rewrapped_at timestamptz
);
create index subject_key_version on subject_key (key_version);

-- One personal value: name, data category (taxonomy key), ciphertext, where it came from and why.
create table personal_field (
    subject_id    bigint       not null references subject (id),
    name          varchar(100) not null,
    value_type    varchar(16)  not null default 'STRING',
    category      varchar(120) not null,
    value_ct      bytea        not null,
    source        varchar(32)  not null,
    purpose       varchar(200) not null,
    sensitive     boolean      not null default false,
    collected_at  timestamptz  not null default now(),
    updated_at    timestamptz  not null default now(),
    primary key (subject_id, name)
);
create index personal_field_category on personal_field (category);

-- Directly signed-up customers (§2). The email is looked up through its keyed blind index only.
create table account (
    subject_id  bigint      primary key references subject (id),
    sub         varchar(128) not null unique,
    email_bidx  bytea       not null unique,
    status      varchar(32) not null default 'ACTIVE'
                    check (status in ('ACTIVE', 'TERMINATED_FOR_VIOLATION')),
    created_at  timestamptz not null default now()
);

-- An end-user record a Client stores with the provider, with its consent attestation (§2).
create table end_user_record (
    subject_id         bigint       primary key references subject (id),
    org                varchar(64)  not null references organisation (id),
    attested_by        varchar(200) not null,
    attested_at        timestamptz  not null,
    attestation_basis  varchar(200) not null,
    flagged_sensitive  boolean      not null default false,
    written_by         varchar(128) not null,
    written_at         timestamptz  not null default now()
);
create index end_user_record_org on end_user_record (org, subject_id);
create index end_user_record_flagged on end_user_record (flagged_sensitive) where flagged_sensitive;

-- Network access logs (§3), kept on erasure under §8(a), purged after their retention period.
create table access_log (
    id           bigserial    primary key,
    org          varchar(64)  not null,
    kind         varchar(16)  not null,
    subject_id   varchar(128) not null,
    ip           varchar(64)  not null,
    at           timestamptz  not null,
    duration_ms  bigint       not null,
    user_agent   varchar(1000),
    path         varchar(2000),
    received_at  timestamptz  not null default now()
);
create index access_log_subject on access_log (org, kind, subject_id, at, id);
create index access_log_at on access_log (at);

-- Consent and opt-out choices per purpose (§3, §6), as a full history; the latest event wins.
create table consent_event (
    id          bigserial    primary key,
    org         varchar(64)  not null,
    kind        varchar(16)  not null,
    subject_id  varchar(128) not null,
    purpose     varchar(40)  not null check (purpose in ('ANALYTICS_SHARING', 'MARKETING',
                                   'THIRD_PARTY_SHARING', 'MATERIALLY_DIFFERENT_PURPOSE')),
    granted     boolean      not null,
    at          timestamptz  not null default now(),
    actor       varchar(200) not null,
    source      varchar(40)  not null
);
create index consent_event_subject on consent_event (org, kind, subject_id, id);

-- Restriction of processing (§6): honoured by every export to third parties.
create table restriction (
    org         varchar(64)  not null,
    kind        varchar(16)  not null,
    subject_id  varchar(128) not null,
    restricted  boolean      not null,
    request_id  varchar(128),
    updated_at  timestamptz  not null default now(),
    primary key (org, kind, subject_id)
);

-- "Who looked": every read of personal data by a person.
create table access_record (
    id          bigserial    primary key,
    org         varchar(64)  not null,
    kind        varchar(16)  not null,
    subject_id  varchar(128) not null,
    actor       varchar(200) not null,
    actor_role  varchar(40)  not null,
    fields      text         not null,
    at          timestamptz  not null default now()
);
create index access_record_subject on access_record (org, kind, subject_id, id);

-- Erasure receipts, one per request id (idempotency).
create table erasure_receipt (
    request_id  varchar(128) primary key,
    org         varchar(64)  not null,
    kind        varchar(16)  not null,
    subject_id  varchar(128) not null,
    receipt     text         not null,
    erased_at   timestamptz  not null default now()
);

-- §8(c): the minimum kept to stop a terminated violator from registering again (blind index only).
create table blocked_identity (
    email_bidx  bytea        primary key,
    org         varchar(64)  not null,
    reason      varchar(200) not null,
    blocked_at  timestamptz  not null default now()
);

-- Privacy-policy versions (§16) and who accepted which.
create table policy_version (
    number          varchar(32)   primary key,
    effective_date  date          not null,
    summary         varchar(4000) not null,
    url             varchar(2000),
    sha256          char(64)      not null,
    published_by    varchar(200)  not null,
    published_at    timestamptz   not null default now()
);
create table policy_acceptance (
    version      varchar(32)  not null references policy_version (number),
    sub          varchar(128) not null,
    accepted_at  timestamptz  not null default now(),
    primary key (version, sub)
);
create index policy_acceptance_sub on policy_acceptance (sub);

-- Retention (§7): rules per data-category prefix and org status; purge receipts.
create table retention_rule (
    id               bigserial    primary key,
    category_prefix  varchar(120) not null,
    org_status       varchar(32)  not null check (org_status in ('ACTIVE', 'CLOSED', 'TERMINATED_FOR_VIOLATION')),
    retain_days      int          not null check (retain_days >= 0),
    basis            varchar(300) not null,
    unique (category_prefix, org_status)
);
-- ACTIVE: counted from collection; CLOSED / TERMINATED: counted from the org's status change.
insert into retention_rule (category_prefix, org_status, retain_days, basis) values
    ('user.device',  'ACTIVE', 395, 'device data: 13 months after collection'),
    ('user',         'CLOSED', 90,  'service ended: 90 days after the Client closed (§7)'),
    ('user',         'TERMINATED_FOR_VIOLATION', 365, 'terminated for a violation: one year, then only the §8(c) minimum');

create table purge_receipt (
    id            bigserial    primary key,
    trigger       varchar(200) not null,
    started_at    timestamptz  not null,
    finished_at   timestamptz  not null,
    fields_purged bigint       not null,
    subjects_purged bigint     not null,
    access_logs_purged bigint  not null,
    held_skipped  bigint       not null,
    held_subjects text         not null
);

-- db-scheduler's table (cluster-safe recurring purge).
create table scheduled_tasks (
    task_name            text        not null,
    task_instance        text        not null,
    task_data            bytea,
    execution_time       timestamptz not null,
    picked               boolean     not null,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures int,
    last_heartbeat       timestamptz,
    version              bigint      not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
