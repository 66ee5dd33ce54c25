package shop.storefront.account;

import java.util.Optional;

/** Read access to customers for other modules. */
public interface Customers {

    /** The customer with this public id, or empty (unknown, malformed or deleted). */
    Optional<CustomerContact> contact(String customerId);
}
