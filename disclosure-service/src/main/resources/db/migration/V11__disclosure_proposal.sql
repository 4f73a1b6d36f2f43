-- A direct disclosure to law enforcement or a regulator waiting for a second legal user (issue 15
-- item 3, as the console does it): the recorder proposes the exact disclosure, a different legal
-- user signed in as themselves approves it, and the approval records it in the ledger in their
-- name as approver and the proposer's as recorder. Either may instead decline (the proposer:
-- withdraw) with a reason. content is the disclosure as proposed; the approval binds to its digest.
create table disclosure_proposal (
    id              uuid          primary key,
    proposed_by     varchar(200)  not null,
    proposed_by_id  varchar(200)  not null,
    proposed_at     timestamptz   not null,
    content         jsonb         not null,
    status          varchar(20)   not null check (status in ('AWAITING_APPROVAL', 'RECORDED', 'DECLINED', 'WITHDRAWN')),
    decided_by      varchar(200),
    decided_at      timestamptz,
    reason          varchar(2000),
    disclosure_id   uuid,
    check ((status = 'AWAITING_APPROVAL') = (decided_at is null)),
    check ((status = 'RECORDED') = (disclosure_id is not null))
);

create index disclosure_proposal_awaiting on disclosure_proposal (proposed_at, id) where status = 'AWAITING_APPROVAL';

do $$
begin
    if exists (select 1 from pg_roles where rolname = '${app_user}') then
        execute format('grant select, insert, update on disclosure_proposal to %I', '${app_user}');
    end if;
end $$;
