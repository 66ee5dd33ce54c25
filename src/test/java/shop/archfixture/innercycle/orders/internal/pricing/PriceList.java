package shop.archfixture.innercycle.orders.internal.pricing;

import shop.archfixture.innercycle.orders.internal.service.OrderDesk;

/** Calls back into the service package that uses it. */
public class PriceList {
    int price(OrderDesk desk) {
        return desk.quantity() * 10;
    }
}
