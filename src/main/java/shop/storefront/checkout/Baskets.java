package shop.storefront.checkout;

import java.util.Optional;

/** Implemented by the module that keeps baskets (the cart): checkout reads the current shopper's from it. */
public interface Baskets {

    /** The current request's basket, or empty when the shopper has none. */
    Optional<Basket> current();
}
