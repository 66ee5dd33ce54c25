package shop.storefront.checkout.internal.domain;

import shop.storefront.platform.Money;
import shop.storefront.platform.Refused;

/**
 * The order would cost something other than the total the shopper saw and submitted: it is refused instead of
 * charging an amount nobody agreed to.
 */
public class StaleTotal extends Refused {

    public StaleTotal(Money total, Money submitted) {
        super("expectedTotal", "The total is " + total.display() + ", not the " + submitted.display()
                + " this order was submitted with (prices, stock or delivery may have changed). Please check your order again before placing it.");
    }
}
