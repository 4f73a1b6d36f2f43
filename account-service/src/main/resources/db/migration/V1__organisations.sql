-- Clients of the provider (§1). The provider's own directly signed-up customers belong to the
-- org 'steward'.
create table organisation (
    id                      varchar(64) primary key,
    name                    varchar(200) not null,
    status                  varchar(32)  not null default 'ACTIVE'
                                check (status in ('ACTIVE', 'CLOSED', 'TERMINATED_FOR_VIOLATION')),
    created_at              timestamptz  not null default now(),
    updated_at              timestamptz  not null default now()
);

insert into organisation (id, name) values ('steward', 'Direct customers of the provider');
