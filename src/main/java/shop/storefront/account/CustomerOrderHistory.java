package shop.storefront.account;

import java.time.Instant;
import java.util.List;
import shop.storefront.platform.Money;

/**
 * Implemented by the module that keeps orders (checkout): the back office's customer page lists a customer's orders
 * from it, so account needs nothing of checkout's.
 */
public interface CustomerOrderHistory {

    /** The customer's orders (by public id), newest first, at most {@code limit}; empty for an unknown customer. */
    List<OrderSummary> ofCustomer(String customerId, int limit);

    /** One order as the customer page lists it; {@code staffPath} is the order's page in the back office. */
    record OrderSummary(String number, Instant placedAt, String statusLabel, Money total, String staffPath) {
    }
}
