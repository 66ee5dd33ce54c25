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
     * Holds these quantities (SKU → units) for an order before its transaction starts, or throws
     * {@link OutOfStockException} at once when they are not available, so a buyer who cannot have them never waits
     * on the stock rows. {@code claimId} names the submission: a repeat with the same id (a double click) is let
     * through to find the first one's order. Not a reservation: {@link #reserve} in the order's transaction stays
     * the final word. Without Redis the claim holds nothing and every buyer goes on to {@link #reserve}.
     */
    StockClaim claim(String claimId, Map<String, Integer> quantities);

    /**
     * Takes these quantities (SKU → units, each ≥ 1) off stock, all or nothing, in the caller's transaction.
     * Each SKU is one conditional update, so concurrent buyers on any number of instances can never drive
     * stock below zero. Throws {@link OutOfStockException} naming every SKU that could not be covered.
     */
    void reserve(Map<String, Integer> quantities);

    /** Puts reserved quantities back (cancellation, failed payment, expiry), in the caller's transaction. */
    void release(Map<String, Integer> quantities);
}
