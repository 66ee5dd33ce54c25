package shop.storefront.checkout.internal.service;

import shop.storefront.web.ShopperFacingException;

/** A checkout step or order action refused for a reason the shopper can act on. */
public class CheckoutException extends ShopperFacingException {

    public CheckoutException(int status, String field, String message) {
        super(status, field, message);
    }
}
