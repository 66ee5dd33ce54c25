-- A customer who signs in only through an identity provider (Amazon Cognito) has no password here. They can still set
-- one with a reset link, which proves they read the address's mail.
ALTER TABLE account.customer ALTER COLUMN password_hash DROP NOT NULL;
