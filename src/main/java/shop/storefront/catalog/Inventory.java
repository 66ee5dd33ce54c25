package shop.storefront.catalog;

import java.util.Map;
import shop.storefront.platform.Money;

/** Changes to what a SKU costs or how many are on hand. Every change refreshes cached pages. */
public interface Inventory {

    /** Sets the stock on hand; throws IllegalArgumentException for an unknown SKU or a negative count. */
    void setStock(String sku, int onHand);

    /** Sets the selling price; throws IllegalArgumentException for an unknown SKU or a negative price. */
    void setPrice(String sku, Money price);

    /**
     * Takes these quantities (SKU → units, each ≥ 1) off stock, all or nothing, in the caller's transaction.
     * Each SKU is one conditional update, so concurrent buyers on any number of instances can never drive
     * stock below zero. Throws {@link OutOfStockException} naming every SKU that could not be covered.
     */
    void reserve(Map<String, Integer> quantities);

    /** Puts reserved quantities back (cancellation, failed payment, expiry), in the caller's transaction. */
    void release(Map<String, Integer> quantities);
}
