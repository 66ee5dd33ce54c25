package shop.storefront.catalog;

/**
 * A fresh active product sold in sizes and colours, for choosing a variant: S/Black and L/Black (10 each), L/White
 * (3 left), M/White (sold out); there is no S/White. Made by the test, so that its combinations do not depend on the
 * demo data.
 */
public record SizeColourProduct(String slug, String name, String smallBlack, String largeBlack, String largeWhite,
        String mediumWhite) {

    public static final int LARGE_WHITE_STOCK = 3;

    public static SizeColourProduct create(CatalogOracle db) {
        String tag = Long.toString(System.nanoTime(), 36);
        String slug = "size-colour-test-" + tag;
        String name = "Test Parka " + tag;
        long id = db.longValue("INSERT INTO catalog.product (slug, name, description, brand, status, category_id)"
                + " SELECT ?, ?, 'A parka made for choosing variants.', 'Aurora', 'active', category_id FROM catalog.product"
                + " WHERE status = 'active' AND id IN (SELECT product_id FROM catalog.variant WHERE options->>'size' IS NOT NULL) ORDER BY id LIMIT 1"
                + " RETURNING id", slug, name);
        String prefix = "VT-" + tag.toUpperCase() + "-";
        SizeColourProduct product = new SizeColourProduct(slug, name, prefix + "SB", prefix + "LB", prefix + "LW", prefix + "MW");
        variant(db, id, product.smallBlack, "S", "Black", 10, 0);
        variant(db, id, product.largeBlack, "L", "Black", 10, 1);
        variant(db, id, product.largeWhite, "L", "White", LARGE_WHITE_STOCK, 2);
        variant(db, id, product.mediumWhite, "M", "White", 0, 3);
        return product;
    }

    /** Takes the product off sale, so that it does not linger in other tests' listings. */
    public void archive(CatalogOracle db) {
        db.update("UPDATE catalog.product SET status = 'archived', updated_at = now() WHERE slug = ?", slug);
    }

    /** The word that tells this product from every other test parka, for searching it. */
    public String tag() {
        return name.substring(name.lastIndexOf(' ') + 1);
    }

    public String path() {
        return "/product/" + slug;
    }

    private static void variant(CatalogOracle db, long productId, String sku, String size, String colour, int stock, int position) {
        db.update("INSERT INTO catalog.variant (product_id, sku, options, price_amount, currency, stock_on_hand, weight_grams, position)"
                + " SELECT ?, ?, jsonb_build_object('size', ?::text, 'colour', ?::text), 89.00, currency, ?, 900, ?"
                + " FROM catalog.variant ORDER BY id LIMIT 1", productId, sku, size, colour, stock, position);
    }
}
