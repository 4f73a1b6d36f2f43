-- Foreign-key checks lock the referenced row (SELECT ... FOR KEY SHARE) with the privileges of
-- the referenced table's owner, and a row lock needs UPDATE on at least one column. V2 revoked
-- the owner's UPDATE on the append-only tables, so with a non-superuser owner (as CloudNativePG
-- provisions) no row referencing legal_hold or disclosure could be inserted. Give the owner UPDATE
-- on the key column only: enough to lock, while the append-only trigger still refuses every
-- actual UPDATE, and the runtime role keeps no UPDATE at all.
grant update (id) on legal_hold to current_user;
grant update (id) on disclosure to current_user;
