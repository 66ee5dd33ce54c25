package shop.storefront.catalog;

import shop.storefront.platform.Money;

/** Changes to what a SKU costs or how many are on hand. Every change refreshes cached pages. */
public interface Inventory {

    /** Sets the stock on hand; throws IllegalArgumentException for an unknown SKU or a negative count. */
    void setStock(String sku, int onHand);

    /** Sets the selling price; throws IllegalArgumentException for an unknown SKU or a negative price. */
    void setPrice(String sku, Money price);
}
