package shop.storefront.checkout;

import java.util.Map;

/**
 * What the shopper is about to buy: SKU → quantity, nothing else (prices are the catalog's, at checkout).
 * {@code id} names the basket opaquely, so that the basket's owner can empty it once the order is placed.
 */
public record Basket(String id, Map<String, Integer> quantities) {

    public boolean isEmpty() {
        return quantities.isEmpty();
    }
}
