-- The tamper-evident ledger and the disclosure records it covers (§5, §7, §8).
--
-- ledger_entry rows carry no personal data: the entry type, the covered record's id, the SHA-256
-- of that record's canonical JSON (RFC 8785), when, and the chain (previous hash, own hash). The
-- records themselves (which name data subjects) live in disclosure / disclosure_subject /
-- disclosure_attachment; verification recomputes their digests from these rows.

create table chain_head (
    id    int      primary key check (id = 1),
    seq   bigint   not null,
    hash  char(64) not null
);
insert into chain_head (id, seq, hash) values (1, 0, repeat('0', 64));

create table ledger_entry (
    seq             bigint       primary key check (seq > 0),
    entry_type      varchar(30)  not null,
    ref_id          uuid         not null,
    content_digest  char(64)     not null,
    recorded_at     timestamptz  not null,
    prev_hash       char(64)     not null,
    hash            char(64)     not null unique
);
create index ledger_entry_ref on ledger_entry (ref_id);

create table ledger_checkpoint (
    id          uuid         primary key,
    size        bigint       not null,
    head_hash   char(64)     not null,
    signed_at   timestamptz  not null,
    key_id      varchar(32)  not null,
    statement   text         not null,
    signature   text         not null
);
create index ledger_checkpoint_signed on ledger_checkpoint (signed_at desc, id desc);

create table disclosure (
    id                        uuid          primary key,
    ledger_seq                bigint        not null unique,
    recorded_at               timestamptz   not null,
    recorded_by               varchar(200)  not null,
    recipient_type            varchar(30)   not null,
    recipient_name            varchar(300)  not null,
    recipient_contact         varchar(1000),
    legal_basis               varchar(30)   not null,
    case_reference            varchar(200),
    received_on               date          not null,
    disclosed_on              date,
    data_categories           text[]        not null,
    purpose                   varchar(2000) not null,
    outcome                   varchar(30)   not null,
    approver                  varchar(200),
    nondisclosure_until       date,
    nondisclosure_indefinite  boolean       not null default false,
    nondisclosure_review_on   date,
    corrects                  uuid          references disclosure (id),
    correction_note           varchar(2000)
);
create index disclosure_recorded on disclosure (recorded_at desc, id desc);
create index disclosure_received on disclosure (received_on);
create index disclosure_corrects on disclosure (corrects);

create table disclosure_subject (
    disclosure_id  uuid          not null references disclosure (id),
    ordinal        int           not null,
    org            varchar(64)   not null,
    kind           varchar(10)   not null,
    subject_id     varchar(128)  not null,
    primary key (disclosure_id, ordinal)
);
create index disclosure_subject_ref on disclosure_subject (org, kind, subject_id);

create table disclosure_attachment (
    disclosure_id  uuid          not null references disclosure (id),
    ordinal        int           not null,
    name           varchar(300)  not null,
    sha256         char(64)      not null,
    media_type     varchar(200),
    primary key (disclosure_id, ordinal)
);

select steward_append_only('ledger_entry', '${app_user}');
select steward_append_only('ledger_checkpoint', '${app_user}');
select steward_append_only('disclosure', '${app_user}');
select steward_append_only('disclosure_subject', '${app_user}');
select steward_append_only('disclosure_attachment', '${app_user}');

-- The head row is the writers' lock (select ... for update) and holds the head; the runtime role
-- may move it, nothing else. Deleting it is refused like any ledger change.
revoke delete, truncate on chain_head from public;
do $$
begin
    if exists (select 1 from pg_roles where rolname = '${app_user}') then
        execute format('grant select, update (seq, hash) on chain_head to %I', '${app_user}');
    end if;
end $$;
create trigger chain_head_no_delete before delete on chain_head
    for each row execute function steward_refuse_change();
create trigger chain_head_no_truncate before truncate on chain_head
    for each statement execute function steward_refuse_change();
-- and only forward
create trigger chain_head_forward before update on chain_head
    for each row when (new.seq < old.seq) execute function steward_refuse_change();
