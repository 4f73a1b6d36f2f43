-- Idempotency-Key for the creating POSTs (end-user batches, access-log batches, policy versions):
-- platform's IdempotentPosts keeps each first response here, in the transaction of what it created.
create table idempotency_key (scope text not null, key text not null, request_hash bytea not null,
  status int, body text, created_at timestamptz not null default now(), primary key (scope, key));
