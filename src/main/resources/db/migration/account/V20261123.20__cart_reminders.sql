-- Customers can opt out of the e-mail about items left in their cart.
ALTER TABLE account.customer ADD COLUMN cart_reminders boolean NOT NULL DEFAULT true;
