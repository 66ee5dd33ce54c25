package shop.archfixture.undeclared.checkout;

import shop.archfixture.undeclared.catalog.StockLevel;

/** Uses catalog, which checkout declares: allowed. */
public class ReservesStock {
    int reservable(StockLevel level) {
        return level.onHand();
    }
}
