package shop.storefront.cart;

import shop.storefront.web.ShopperFacingException;

/** A cart change that cannot be made (unknown SKU, not enough stock, …); the cart is left as it was. */
public class CartException extends ShopperFacingException {

    public CartException(int status, String parameter, String message) {
        super(status, parameter, message);
    }
}
