package shop.storefront.checkout.internal.domain;

import shop.storefront.platform.Refused;

/** Checkout or pricing asked for with no cart, or an empty one: there is nothing to order. */
public class CartEmpty extends Refused {

    public CartEmpty() {
        super("Your cart is empty: add something to it first.");
    }
}
