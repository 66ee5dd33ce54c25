package shop.storefront.checkout.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import shop.storefront.account.CustomerOrderHistory;
import shop.storefront.checkout.internal.domain.CustomerOrder;

/** The account module's view of a customer's orders, for its back-office page. */
@ApplicationScoped
class OrdersOfCustomers implements CustomerOrderHistory {

    @Override
    @Transactional
    public List<OrderSummary> ofCustomer(String customerId, int limit) {
        UUID id;
        try {
            id = UUID.fromString(customerId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return List.of();
        }
        return CustomerOrder.ofCustomer(id, limit).stream()
                .map(o -> new OrderSummary(o.number, o.placedAt, o.status.label(), o.money(o.total), "/admin/orders/" + o.number))
                .toList();
    }
}
