package shop.archfixture.innercycle.orders.internal.service;

import shop.archfixture.innercycle.orders.internal.pricing.PriceList;

public class OrderDesk {
    PriceList prices;

    public int quantity() {
        return 1;
    }
}
