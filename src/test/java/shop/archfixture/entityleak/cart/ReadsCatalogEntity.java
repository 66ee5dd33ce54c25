package shop.archfixture.entityleak.cart;

import shop.archfixture.entityleak.catalog.internal.StockRow;

public class ReadsCatalogEntity {
    int onHand(StockRow row) {
        return row.onHand;
    }
}
