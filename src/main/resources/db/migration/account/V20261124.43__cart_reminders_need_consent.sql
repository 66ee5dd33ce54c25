-- Cart reminders are sent only to customers who asked for them: consent is given by ticking a box, never assumed,
-- so a row inserted without the column is not opted in either.
ALTER TABLE account.customer ALTER COLUMN cart_reminders SET DEFAULT false;
