-- Issue 14 §4: visitors' consent choices (C3). A new purpose, advertising cookies (§5), and the
-- Global Privacy Control signal of each visitor's last choice (Sec-GPC header), kept per visitor.
alter table consent_event drop constraint consent_event_purpose_check;
alter table consent_event add constraint consent_event_purpose_check check (purpose in ('ANALYTICS_SHARING',
    'MARKETING', 'THIRD_PARTY_SHARING', 'MATERIALLY_DIFFERENT_PURPOSE', 'ADVERTISING_COOKIES'));

-- One row per visitor: whether the last PUT of their choices carried Sec-GPC: 1, and when it came.
-- Also the row that concurrent PUTs of one visitor's choices serialise on.
create table privacy_signal (
    org          varchar(64)  not null references organisation (id),
    kind         varchar(16)  not null,
    subject_id   varchar(128) not null,
    gpc          boolean      not null,
    received_at  timestamptz  not null,
    primary key (org, kind, subject_id)
);
