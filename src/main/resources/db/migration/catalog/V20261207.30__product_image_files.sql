-- Product images are files in the images bucket (catalog.internal.images): each row is one stored original, with
-- what pages need to link it without loading it (size in pixels, type) and whether its thumbnails exist yet.
-- Rows of the SVG placeholders the app used to draw have no file behind them; the demo seeder stores real ones.
DELETE FROM catalog.product_image WHERE storage_key LIKE 'placeholder/%';

ALTER TABLE catalog.product_image
    ADD COLUMN colour           varchar(60) CHECK (colour IS NULL OR length(btrim(colour)) > 0),
    ADD COLUMN width            integer NOT NULL CHECK (width > 0),
    ADD COLUMN height           integer NOT NULL CHECK (height > 0),
    ADD COLUMN content_type     varchar(20) NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    ADD COLUMN content_hash     char(64) NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    ADD COLUMN thumbnails_ready boolean NOT NULL DEFAULT false,
    ADD COLUMN created_at       timestamptz NOT NULL DEFAULT now(),
    ADD CONSTRAINT product_image_key_is_content_addressed
        CHECK (storage_key = 'products/' || content_hash || '/original.'
               || CASE content_type WHEN 'image/jpeg' THEN 'jpg' WHEN 'image/png' THEN 'png' ELSE 'webp' END);

-- The thumbnail job marks every row of one content hash at once.
CREATE INDEX product_image_content_hash_idx ON catalog.product_image (content_hash);
