-- Data-subject requests (CCPA §7101 record: date, nature, manner, response date, nature of
-- response, basis of denial). Kept at least 24 months.
create table dsr_request (
    id              uuid primary key,
    type            varchar(32)  not null
                        check (type in ('ACCESS', 'RECTIFICATION', 'ERASURE', 'RESTRICTION', 'COMPLAINT')),
    subject_org     varchar(64)  not null,
    subject_kind    varchar(16)  not null check (subject_kind in ('ACCOUNT', 'END_USER', 'VISITOR')),
    subject_id      varchar(128) not null,
    status          varchar(32)  not null,
    jurisdiction    varchar(16)  not null,
    submitted_by    varchar(200) not null,
    received_at     timestamptz  not null,
    due_at          timestamptz  not null
);

create index dsr_request_received on dsr_request (received_at, id);
