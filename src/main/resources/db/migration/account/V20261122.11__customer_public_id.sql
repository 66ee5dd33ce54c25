-- Sessions and carts in Redis name a customer by this random id, never by the sequence number: a restored or
-- reset database can hand out a sequence number again, and must not hand an old session or cart to a new person.
ALTER TABLE account.customer ADD COLUMN public_id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid();
