-- What search engines show for a product page; empty means the page's defaults (name and brand, the description).
ALTER TABLE catalog.product
    ADD COLUMN meta_title       varchar(70),
    ADD COLUMN meta_description varchar(200);
