package shop.storefront.catalog.internal.service;

import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import shop.storefront.catalog.internal.images.ImageUrls;

/**
 * The row shapes of the listing, facet and SKU queries, each read by column alias. Every shape keeps its select
 * list beside the reader, so a column added, dropped or moved cannot shift the others. The casts are the JDBC
 * types PostgreSQL returns for those columns ({@code count(*)} as a number, {@code numeric} as BigDecimal).
 */
final class ListingRows {

    private ListingRows() {
    }

    /** A product card: one row of a listing or of the featured products. */
    record Summary(long id, String slug, String name, String brand, BigDecimal minPrice, String currency, boolean inStock,
            ImageUrls.Stored image) {

        /** Needs {@code catalog.product p} and its picture as {@code img} ({@link #IMAGE}). */
        static final String COLUMNS = "p.id AS id, p.slug AS slug, p.name AS name, p.brand AS brand, p.min_price_amount AS min_price,"
                + " p.currency AS currency, p.in_stock AS in_stock, " + IMAGE_COLUMNS;

        static Summary of(Tuple row) {
            return new Summary(((Number) row.get("id")).longValue(), (String) row.get("slug"), (String) row.get("name"),
                    (String) row.get("brand"), (BigDecimal) row.get("min_price"), (String) row.get("currency"),
                    (Boolean) row.get("in_stock"), imageOf(row));
        }
    }

    /** A variant's prices, for showing its product's price on a card. */
    record Offer(long productId, BigDecimal price, BigDecimal compareAt, String currency) {

        static final String COLUMNS = "v.product_id AS product_id, v.price_amount AS price, v.compare_at_amount AS compare_at,"
                + " v.currency AS currency";

        static Offer of(Tuple row) {
            return new Offer(((Number) row.get("product_id")).longValue(), (BigDecimal) row.get("price"),
                    (BigDecimal) row.get("compare_at"), (String) row.get("currency"));
        }
    }

    /** One picture of product {@code p}, for a lateral sub-query named {@code img} that adds its ORDER BY and LIMIT. */
    static final String IMAGE = """
            SELECT i.storage_key, i.alt_text, i.width, i.height, i.colour, i.thumbnails_ready
              FROM catalog.product_image i WHERE i.product_id = p.id""";
    private static final String IMAGE_COLUMNS = "img.storage_key AS image_key, img.alt_text AS image_alt,"
            + " img.width AS image_width, img.height AS image_height, img.colour AS image_colour,"
            + " img.thumbnails_ready AS image_ready";

    /** The picture's columns; null when the product has none. */
    private static ImageUrls.Stored imageOf(Tuple row) {
        String key = (String) row.get("image_key");
        return key == null ? null : new ImageUrls.Stored(key, (String) row.get("image_alt"),
                ((Number) row.get("image_width")).intValue(), ((Number) row.get("image_height")).intValue(),
                (String) row.get("image_colour"), (Boolean) row.get("image_ready"));
    }

    /** How many products a facet value (a brand) has. */
    record ValueCount(String value, long products) {

        static ValueCount of(Tuple row) {
            return new ValueCount((String) row.get("value"), ((Number) row.get("products")).longValue());
        }
    }

    /** How many products fall into a price band, by the band's index in the price bands. */
    record BandCount(int band, long products) {

        static BandCount of(Tuple row) {
            return new BandCount(((Number) row.get("band")).intValue(), ((Number) row.get("products")).longValue());
        }
    }

    /** How many products have an option value (colour: red). */
    record OptionCount(String key, String value, long products) {

        static final String COLUMNS = "o.key AS key, o.value AS value, count(*) AS products";

        static OptionCount of(Tuple row) {
            return new OptionCount((String) row.get("key"), (String) row.get("value"), ((Number) row.get("products")).longValue());
        }
    }

    /** A sellable variant with its product, as carts and checkout see it. */
    record Sku(String sku, String productSlug, String productName, String label, BigDecimal price, String currency,
            int stockOnHand, int weightGrams, ImageUrls.Stored image) {

        /** Needs {@code catalog.variant v}, its {@code catalog.product p} and the SKU's picture as {@code img}. */
        static final String COLUMNS = """
                v.sku AS sku, p.slug AS product_slug, p.name AS product_name,
                (SELECT string_agg(o.value, ' / ') FROM jsonb_each_text(v.options) o) AS label,
                v.price_amount AS price, v.currency AS currency, v.stock_on_hand AS stock_on_hand,
                v.weight_grams AS weight_grams,\s""" + IMAGE_COLUMNS;

        static Sku of(Tuple row) {
            return new Sku((String) row.get("sku"), (String) row.get("product_slug"), (String) row.get("product_name"),
                    (String) row.get("label"), (BigDecimal) row.get("price"), (String) row.get("currency"),
                    ((Number) row.get("stock_on_hand")).intValue(), ((Number) row.get("weight_grams")).intValue(),
                    imageOf(row));
        }
    }
}
