-- Privacy Center: e-mail verification of public requests (C2). Codes and status tokens are stored only
-- as HMAC/SHA-256 digests; a code is valid 15 minutes and 5 tries, and a new one replaces the old.
create table dsr_verification_code (
    request_id    uuid        primary key references dsr_request (id),
    code_hash     bytea       not null,
    issued_at     timestamptz not null,
    expires_at    timestamptz not null,
    wrong_tries   int         not null default 0
);

-- Status links (the mail's link, and one per successful verification): SHA-256 of a 256-bit random token.
create table dsr_status_token (
    token_hash varchar(64) primary key, -- hex
    request_id uuid        not null references dsr_request (id),
    created_at timestamptz not null
);
create index dsr_status_token_request on dsr_status_token (request_id);

-- A public request left unverified for 7 days becomes EXPIRED (terminal).
alter table dsr_request drop constraint dsr_request_status_known;
alter table dsr_request add constraint dsr_request_status_known check (status in
    ('RECEIVED', 'PENDING_VERIFICATION', 'VERIFIED', 'IN_PROGRESS', 'ROUTED_TO_CONTROLLER',
     'COMPLETED', 'PARTIALLY_COMPLETED', 'DENIED', 'CANCELLED', 'FAILED', 'EXPIRED'));
create index dsr_request_unverified on dsr_request (received_at) where status = 'PENDING_VERIFICATION';
