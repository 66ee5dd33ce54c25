package shop.storefront.account;

import shop.storefront.web.ShopperFacingException;

/** An account request refused for a reason the person can act on (bad e-mail, too many attempts, …). */
public class AccountException extends ShopperFacingException {

    public AccountException(int status, String parameter, String message) {
        super(status, parameter, message);
    }
}
