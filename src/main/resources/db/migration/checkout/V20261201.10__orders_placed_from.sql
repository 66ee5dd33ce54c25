-- Where an order was placed from (the client address as the storefront keys its limits), so that the orders one client
-- holds unpaid can be limited. Orders placed before have none and count towards no client.
ALTER TABLE orders.customer_order ADD COLUMN placed_from varchar(64);

-- The limits count open (placed, not yet paid or shipped) orders per e-mail and per client.
CREATE INDEX customer_order_open_by_email ON orders.customer_order (email) WHERE status = 'placed';
CREATE INDEX customer_order_open_by_client ON orders.customer_order (placed_from) WHERE status = 'placed';
