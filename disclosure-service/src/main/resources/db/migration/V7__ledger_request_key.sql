-- The Idempotency-Key of a POST whose record goes into the ledger (disclosures, holds placed and
-- released), written by the group commit in the same transaction as the entry. The platform's
-- idempotency_key row commits in the request's own transaction, after the ledger's: if the
-- service dies between the two, this row still says which record the key created, so the
-- client's retry gets that record back instead of a second, undeletable entry.
create table ledger_request_key (
    scope         text         not null,
    key           text         not null,
    request_hash  bytea        not null,
    entry_type    varchar(30)  not null,
    ref_id        uuid         not null,
    primary key (scope, key)
);
select steward_append_only('ledger_request_key', '${app_user}');
