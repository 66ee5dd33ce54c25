package shop.storefront.account;

import java.util.Optional;
import shop.storefront.platform.PostalAddress;

/**
 * How to reach a customer. {@code cartReminders} is true only when they asked for abandoned-cart e-mails.
 * {@code customerId} is the public id (the security principal's name).
 */
public record CustomerContact(String customerId, String email, String fullName, boolean cartReminders,
        Optional<PostalAddress> defaultShipping) {
}
