-- The ACCESS report, stored in pieces so that it is built and served streaming, with memory bounded
-- whatever its size: each array of a peer's answer (account-service's export, disclosure-service's
-- accounting) is a section, each of its elements one row, written while the answer is read and read
-- back through a cursor. dsr_report.body then holds only the rest of the document (streamed = true);
-- reports stored before keep their whole document in body (streamed = false).
alter table dsr_report add column streamed boolean not null default false;

create table dsr_report_section (
    request_id uuid         not null references dsr_request (id),
    part       varchar(32)  not null,
    position   int          not null,
    name       varchar(200) not null,
    items      int          not null,
    -- the keys of its items, in order of first appearance: the columns of the HTML table
    columns    json         not null,
    primary key (request_id, part, position)
);

create table dsr_report_item (
    request_id uuid        not null references dsr_request (id),
    part       varchar(32) not null,
    position   int         not null,
    seq        int         not null,
    -- json, not jsonb: the peer's key order is the report's
    item       json        not null,
    primary key (request_id, part, position, seq)
);
