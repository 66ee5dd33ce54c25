package shop.storefront.catalog;

import shop.storefront.platform.Money;

/** A SKU as other modules see it: what it is, what it costs now, how many can be sold and what it weighs. */
public record SkuView(String sku, String productSlug, String productName, String label, Money price, int stockOnHand,
        int weightGrams, ProductSummary.Image image) {

    public boolean inStock() {
        return stockOnHand > 0;
    }
}
