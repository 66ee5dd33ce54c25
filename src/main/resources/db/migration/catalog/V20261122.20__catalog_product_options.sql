-- The option values each product offers (size M, colour Red, ...), one row per product and value, kept by
-- trigger from the variants. Option facets and filters read this instead of unpacking every variant's JSON:
-- an uncached category listing is what every shopper waits for right after stock or prices change.

CREATE TABLE catalog.product_option (
    product_id bigint NOT NULL REFERENCES catalog.product (id) ON DELETE CASCADE,
    key        varchar(60) NOT NULL,
    value      varchar(120) NOT NULL,
    PRIMARY KEY (product_id, key, value)
);
CREATE INDEX product_option_key_value_idx ON catalog.product_option (key, value, product_id);

CREATE FUNCTION catalog.refresh_product_options(p_id bigint) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM catalog.product_option WHERE product_id = p_id;
    INSERT INTO catalog.product_option (product_id, key, value)
    SELECT DISTINCT v.product_id, o.key, o.value
      FROM catalog.variant v CROSS JOIN LATERAL jsonb_each_text(v.options) o
     WHERE v.product_id = p_id;
$$;

CREATE FUNCTION catalog.variant_options_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM catalog.refresh_product_options(OLD.product_id);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW.product_id <> OLD.product_id) THEN
        PERFORM catalog.refresh_product_options(NEW.product_id);
    END IF;
    RETURN NULL;
END $$;

-- Separate from the price/stock trigger: stock changes (every order) must not rewrite option rows.
CREATE TRIGGER variant_options AFTER INSERT OR UPDATE OF options, product_id OR DELETE
    ON catalog.variant FOR EACH ROW EXECUTE FUNCTION catalog.variant_options_changed();

INSERT INTO catalog.product_option (product_id, key, value)
SELECT DISTINCT v.product_id, o.key, o.value FROM catalog.variant v CROSS JOIN LATERAL jsonb_each_text(v.options) o;
