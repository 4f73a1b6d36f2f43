-- Legal demands (issue 15): subpoenas, court orders, warrants, emergency and preservation
-- requests, regulator demands, tracked from intake to production or rejection.
--
-- legal_demand (+ legal_demand_subject) is the intake, written once with the demand's first event.
-- legal_demand_event holds every event (each transition, and the actions between them: scope
-- review, gag-lift efforts, preservation extended or lapsed, notice delivered); each is a ledger
-- entry (DEMAND_EVENT, ref = the event's id) whose row the group commit inserts with the entry.
-- (demand_id, step) is unique, so of two concurrent transitions from one status only one is
-- recorded. All three are append-only. legal_demand_state is the demand's current state, a
-- projection of its events that the group commit upserts in the same transaction as each event:
-- it may be rewritten (it is not the record; the events are), and lists and deadlines query it.

create table legal_demand (
    id                      uuid          primary key,
    recorded_at             timestamptz   not null,
    recorded_by             varchar(200)  not null,
    recorded_by_id          varchar(200)  not null,
    channel                 varchar(20)   not null,
    received_on             date          not null,
    agency_type             varchar(30)   not null,
    agency_name             varchar(300)  not null,
    agency_officer          varchar(300),
    agency_contact          varchar(1000),
    country                 char(2)       not null,
    jurisdiction            varchar(200),
    case_number             varchar(200),
    process_type            varchar(30)   not null,
    statute                 varchar(500),
    data_categories         text[]        not null,
    range_from              date,
    range_to                date,
    response_due_on         date          not null,
    emergency               boolean       not null,
    emergency_justification varchar(2000),
    priority                smallint      not null,
    accounts_specified      int           not null,
    gag_authority           varchar(500),
    gag_until               date,
    gag_indefinite          boolean       not null,
    gag_review_on           date,
    notify_client           boolean       not null,
    notify_subject          boolean       not null,
    follows_demand          uuid          references legal_demand (id),
    description             varchar(4000)
);

create table legal_demand_subject (
    demand_id   uuid          not null references legal_demand (id),
    ordinal     int           not null,
    org         varchar(64)   not null,
    kind        varchar(10)   not null,
    subject_id  varchar(128)  not null,
    primary key (demand_id, ordinal)
);
create index legal_demand_subject_ref on legal_demand_subject (org, kind, subject_id);

create table legal_demand_event (
    id                 uuid          primary key,
    demand_id          uuid          not null references legal_demand (id),
    step               int           not null check (step > 0),
    action             varchar(30)   not null,
    from_status        varchar(30),
    to_status          varchar(30)   not null,
    actor              varchar(200)  not null,
    actor_id           varchar(200)  not null,
    at                 timestamptz   not null,
    reason             varchar(2000),
    reason_code        varchar(30),
    details            text          not null,
    disclosure_id      uuid,
    accounts_affected  int,
    unique (demand_id, step)
);

create table legal_demand_state (
    demand_id               uuid          primary key references legal_demand (id),
    step                    int           not null,
    status                  varchar(30)   not null,
    changed_at              timestamptz   not null,
    contested               boolean       not null,
    scope_reviewed          boolean       not null,
    approved_by_id          varchar(200),
    accounts_affected       int           not null,
    preserve_until          date,
    preservation_extended   boolean       not null,
    preservation_released   boolean       not null,
    gag_until               date,
    gag_indefinite          boolean       not null
);
create index legal_demand_state_status on legal_demand_state (status);

-- Notices to a Client org (SCC Clause 15): due when no non-disclosure order forbids them, delivered
-- by the notice sweep as a signed callback, retried on every sweep until the Client acknowledges.
-- Operational delivery state (attempts, last error), so not append-only; the delivery itself is
-- recorded as a demand event (NOTICE_DELIVERED).
create table legal_notice (
    id            uuid          primary key,
    demand_id     uuid          not null references legal_demand (id),
    org           varchar(64)   not null,
    delivery_id   uuid          not null,
    attempts      int           not null default 0,
    last_status   int,
    last_error    varchar(1000),
    delivered_at  timestamptz,
    unique (demand_id, org)
);

select steward_append_only('legal_demand', '${app_user}');
select steward_append_only('legal_demand_subject', '${app_user}');
select steward_append_only('legal_demand_event', '${app_user}');
grant update (id) on legal_demand to current_user;

-- holds placed by a preservation request
alter table legal_hold drop constraint legal_hold_reason_check;
alter table legal_hold add constraint legal_hold_reason_check check (reason in
    ('FRAUD_INVESTIGATION', 'LITIGATION', 'ACCOUNT_VIOLATION', 'REGULATOR_REQUEST', 'PRESERVATION_REQUEST'));

do $$
begin
    if exists (select 1 from pg_roles where rolname = '${app_user}') then
        execute format('grant select, insert, update on legal_demand_state to %I', '${app_user}');
        execute format('grant select, insert, update on legal_notice to %I', '${app_user}');
    end if;
end $$;
