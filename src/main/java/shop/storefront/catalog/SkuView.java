package shop.storefront.catalog;

import shop.storefront.platform.Money;

/** A SKU as other modules see it: what it is, what it costs now and how many can be sold. */
public record SkuView(String sku, String productSlug, String productName, String label, Money price, int stockOnHand,
        ProductSummary.Image image) {

    public boolean inStock() {
        return stockOnHand > 0;
    }
}
