-- When stock last went up (a delivery, a cancelled order giving its units back, a correction, an edit made directly
-- in the database). The stock gate in Redis only counts down from what it was seeded with; a new mark here tells it
-- to start again from stock_on_hand. Orders taking stock leave the mark alone, so a sale never re-seeds the gate.
-- A fresh row gets its own mark too, so a SKU loaded anew never meets a gate seeded for an older row.
ALTER TABLE catalog.variant ADD COLUMN restocked_at timestamptz NOT NULL DEFAULT clock_timestamp();

CREATE FUNCTION catalog.variant_restocked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.stock_on_hand > OLD.stock_on_hand THEN
        NEW.restocked_at := clock_timestamp();
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER variant_restocked BEFORE UPDATE OF stock_on_hand ON catalog.variant
    FOR EACH ROW EXECUTE FUNCTION catalog.variant_restocked();
