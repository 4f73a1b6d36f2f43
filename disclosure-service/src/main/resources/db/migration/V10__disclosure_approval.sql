-- Four eyes for a direct disclosure to law enforcement or a regulator (issue 15 item 3): the second
-- legal user approves the exact disclosure, signed in as themselves (POST /disclosures/approvals);
-- the recorder then names that approval. An approval is used once: used_at is set in the
-- transaction that records the disclosure (so this table is not append-only, and not the record:
-- the disclosure carries its approver, and is in the ledger).
create table disclosure_approval (
    id              uuid          primary key,
    approved_by     varchar(200)  not null,
    approved_by_id  varchar(200)  not null,
    approved_at     timestamptz   not null,
    content_digest  char(64)      not null,
    used_at         timestamptz
);

do $$
begin
    if exists (select 1 from pg_roles where rolname = '${app_user}') then
        execute format('grant select, insert, update on disclosure_approval to %I', '${app_user}');
    end if;
end $$;
