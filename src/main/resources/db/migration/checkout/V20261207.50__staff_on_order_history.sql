-- The staff member behind a status change (their e-mail at the time, as the audit trail names them), so an order's
-- history says who marked it paid, shipped, cancelled or refunded it. Empty for the shopper's and the shop's own steps.
ALTER TABLE orders.status_change ADD COLUMN changed_by varchar(320);

-- The back office lists orders newest first, often within a range of placement dates (today's orders on the dashboard).
CREATE INDEX customer_order_placed_idx ON orders.customer_order (placed_at DESC, id DESC);
