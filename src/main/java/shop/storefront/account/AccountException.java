package shop.storefront.account;

import shop.storefront.platform.InvalidFieldException;
import shop.storefront.web.ShopperFacingException;

/** An account request refused for a reason the person can act on (bad e-mail, too many attempts, …). */
public class AccountException extends ShopperFacingException {

    public AccountException(int status, String parameter, String message) {
        super(status, parameter, message);
    }

    /** A shared field rule's refusal as a 400 on the account pages, which show the form again with its message. */
    public static AccountException invalid(InvalidFieldException e) {
        return new AccountException(400, e.field(), e.getMessage());
    }

    /** Too many attempts: a 429 telling when to try again. */
    public static AccountException tooManyAttempts(long waitSeconds) {
        return new AccountException(waitSeconds, "Too many attempts. Try again in " + waitSeconds + " second"
                + (waitSeconds == 1 ? "" : "s") + ".");
    }

    private AccountException(long waitSeconds, String message) {
        super(429, null, message, waitSeconds);
    }
}
