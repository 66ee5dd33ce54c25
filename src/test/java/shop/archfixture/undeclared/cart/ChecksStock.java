package shop.archfixture.undeclared.cart;

import shop.archfixture.undeclared.catalog.StockLevel;

/** Uses catalog's public API, but cart does not declare catalog. */
public class ChecksStock {
    boolean available(StockLevel level) {
        return level.onHand() > 0;
    }
}
