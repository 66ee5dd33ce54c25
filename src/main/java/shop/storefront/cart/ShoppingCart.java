package shop.storefront.cart;

import shop.storefront.platform.DomainException;

/**
 * The current shopper's cart (a guest's by signed cookie, a customer's by account). Changes are validated
 * against the catalog; a rejected change throws a {@link DomainException} (invalid input, not in the cart, a
 * limit reached, sold out) and leaves the cart as it was.
 */
public interface ShoppingCart {

    CartView view();

    CartView add(String sku, int quantity);

    /**
     * Like {@link #add}, but asking for more than can be had (the stock left, the most per item) adds what can be
     * had and says so in the next view's notices. Refused only when nothing can be added.
     */
    CartView addAvailable(String sku, int quantity);

    CartView setQuantity(String sku, int quantity);

    CartView remove(String sku);

    /** Items in the cart, for the header's mini-cart; 0 when there is none. Cheap: no catalog lookup. */
    int itemCount();
}
