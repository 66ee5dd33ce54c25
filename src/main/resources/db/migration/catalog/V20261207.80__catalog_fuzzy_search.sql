-- Typo-tolerant search: searches that full-text finds nothing for fall back to these.
-- Levenshtein distance ranks spelling corrections; trigrams miss swapped letters ("jakcet").
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch SCHEMA public;

-- Name and brand without spaces or punctuation, so joined words ("tshirt", "sleepingbag") match as substrings.
ALTER TABLE catalog.product ADD COLUMN search_compact text GENERATED ALWAYS AS (
    lower(regexp_replace(name || brand, '[^[:alnum:]]+', '', 'g'))) STORED;
CREATE INDEX product_search_compact_idx ON catalog.product USING gin (search_compact public.gin_trgm_ops);

-- The words of a product's name and brand: each alphanumeric run, and each hyphenated word joined ("tshirt").
CREATE FUNCTION catalog.search_words(text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE AS $$
    SELECT DISTINCT w
      FROM regexp_split_to_table(lower($1), '\s+') token,
           LATERAL (SELECT regexp_replace(token, '[^[:alnum:]]+', '', 'g')
                    UNION ALL SELECT regexp_split_to_table(token, '[^[:alnum:]]+')) words(w)
     WHERE length(w) > 1;
$$;

-- The spelling corrections' dictionary. Words are never removed: a stale word only yields a correction
-- that finds nothing, and corrections are offered only when they find something.
CREATE TABLE catalog.search_word (
    word text PRIMARY KEY
);
INSERT INTO catalog.search_word
SELECT DISTINCT w FROM catalog.product p, catalog.search_words(p.name || ' ' || p.brand) w ON CONFLICT DO NOTHING;

CREATE FUNCTION catalog.product_words_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO catalog.search_word
    SELECT DISTINCT w FROM changed_rows p, catalog.search_words(p.name || ' ' || p.brand) w ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

-- Per statement, so a COPY of 100,000 products adds its words in one insert.
CREATE TRIGGER product_words_inserted AFTER INSERT ON catalog.product
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog.product_words_changed();
CREATE TRIGGER product_words_updated AFTER UPDATE ON catalog.product
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog.product_words_changed();
