package shop.storefront.cart.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.Map;
import shop.storefront.checkout.OrderPlaced;
import shop.storefront.messaging.MessageHandler;

/**
 * Once an order is placed, its units leave the cart it came from: at once, so the confirmation page's cart count
 * is already right, and again from the outbox, in case that first step failed (Redis timing out in a burst) or the
 * instance stopped before it. The cart remembers each order it took out, so the second time changes nothing; only
 * the ordered units go, anything added in another tab meanwhile stays.
 */
@ApplicationScoped
class OrderedUnits implements MessageHandler<OrderPlaced> {

    private final CartStore store;

    OrderedUnits(CartStore store) {
        this.store = store;
    }

    void onOrderPlaced(@Observes OrderPlaced order) {
        takeOut(order);
    }

    @Override
    public String topic() {
        return OrderPlaced.BASKET_TOPIC;
    }

    @Override
    public Class<OrderPlaced> payloadType() {
        return OrderPlaced.class;
    }

    @Override
    public void handle(OrderPlaced order) {
        takeOut(order);
    }

    private void takeOut(OrderPlaced order) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        order.lines().forEach(line -> quantities.merge(line.sku(), line.quantity(), Integer::sum));
        store.takeOutOrdered(order.basketId(), order.orderNumber(), quantities);
    }
}
