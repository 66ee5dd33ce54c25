package shop.storefront.catalog;

/**
 * Units held at the stock gate for one order about to be placed (see {@link Inventory#claim}). Exactly one of the
 * two ends it; a claim left open (the instance stopped) gives its units back when it expires.
 */
public interface StockClaim {

    /** The order committed: its units stay taken, as the database now says too. */
    void settle();

    /** The order did not commit: its units are available again. */
    void release();
}
