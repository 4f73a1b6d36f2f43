-- The ledger as an RFC 9162 Merkle tree (issue 16). Leaf i is ledger entry seq = i + 1; its leaf
-- data is the canonical JSON of {content, recordedAt, ref, seq, type}, recomputed from the entry
-- row, so leaves are not stored. Stored here: the hash of every complete perfect subtree whose
-- height is a multiple of 4 (16, 256, 4096, ... leaves). Any other subtree hash is folded from at
-- most 8 stored nodes (or 15 leaves), so an inclusion or consistency proof takes O(log n) small
-- reads, and the writer adds about one row per 15 entries. Written only by the group commit, in
-- the same transaction as the entries they cover; append-only like the rest of the record.
create table ledger_tree_node (
    level  smallint  not null check (level > 0 and level % 4 = 0),
    idx    bigint    not null check (idx >= 0),
    hash   bytea     not null check (length(hash) = 32),
    primary key (level, idx)
);
select steward_append_only('ledger_tree_node', '${app_user}');

-- Checkpoints are now also C2SP signed notes (tlog-checkpoint): the tree's root hash and the note.
-- Older checkpoints keep only their JSON statement (both columns null).
alter table ledger_checkpoint add column root_hash char(64);
alter table ledger_checkpoint add column note text;
