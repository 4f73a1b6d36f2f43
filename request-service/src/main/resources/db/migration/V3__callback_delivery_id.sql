-- A callback's delivery id (Steward-Delivery-Id): made once per event, kept by every retry of that
-- delivery, so the Client can de-duplicate. Rows from before get one now.
alter table dsr_callback add column delivery_id uuid;
update dsr_callback set delivery_id = gen_random_uuid() where delivery_id is null;
alter table dsr_callback alter column delivery_id set not null;
create unique index dsr_callback_delivery on dsr_callback (delivery_id);
