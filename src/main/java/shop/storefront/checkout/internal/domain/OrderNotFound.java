package shop.storefront.checkout.internal.domain;

import shop.storefront.platform.NotFound;

/** No order has this number. */
public class OrderNotFound extends NotFound {

    public OrderNotFound(String number) {
        super("There is no order " + number + ".");
    }
}
