-- Issue 19 item 2: every replica caches unwrapped data keys. When a key row is deleted (erasure, org
-- erasure, purge: crypto-shredding) or re-wrapped (master-key rotation), the change is announced on
-- channel subject_key_evicted; each replica's SubjectKeyListener evicts those keys from its cache.
-- NOTIFY is transactional: it is delivered when (and only if) the deleting transaction commits. A
-- payload is at most 8000 bytes, so a statement that changes more than 300 keys announces '*' (evict everything).
create function announce_subject_key_eviction() returns trigger language plpgsql as $$
declare
    n bigint;
    ids text;
begin
    select count(*), string_agg(subject_id::text, ',') into n, ids
      from (select subject_id from changed limit 301) c;
    if n > 300 then
        perform pg_notify('subject_key_evicted', '*');
    elsif n > 0 then
        perform pg_notify('subject_key_evicted', ids);
    end if;
    return null;
end $$;

create trigger subject_key_deleted after delete on subject_key
    referencing old table as changed for each statement execute function announce_subject_key_eviction();
create trigger subject_key_rewrapped after update on subject_key
    referencing old table as changed for each statement execute function announce_subject_key_eviction();
