package shop.storefront.checkout.internal.domain;

import java.util.Locale;
import shop.storefront.platform.Refused;

/** The order's status does not allow what was asked (paying, shipping or cancelling it), said in those words. */
public class WrongOrderStatus extends Refused {

    public WrongOrderStatus(String number, OrderStatus current, OrderStatus wanted) {
        super(message(number, current, wanted));
    }

    private static String message(String number, OrderStatus current, OrderStatus wanted) {
        String now = current.label().toLowerCase(Locale.ROOT);
        return switch (wanted) {
            case PAID -> "Order " + number + " is not waiting for payment.";
            case FULFILLED -> "Order " + number + " is " + now + " and cannot be shipped.";
            default -> "Order " + number + " is already " + now + ".";
        };
    }
}
