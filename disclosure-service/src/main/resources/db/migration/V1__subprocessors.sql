-- Sub-processors (§5, §7, §9): who processes personal data on the provider's behalf, where, and
-- whether an agreement with at least the policy's protections is in force.
create table subprocessor (
    id                  uuid primary key,
    name                varchar(200) not null unique,
    purpose             varchar(1000) not null,
    data_categories     text[]       not null,
    country             char(2)      not null,
    agreement_in_force  boolean      not null,
    agreement_since     date,
    created_by          varchar(200) not null,
    created_at          timestamptz  not null default now(),
    check (agreement_in_force = (agreement_since is not null))
);
