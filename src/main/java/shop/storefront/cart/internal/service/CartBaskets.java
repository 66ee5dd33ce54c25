package shop.storefront.cart.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import shop.storefront.checkout.Basket;
import shop.storefront.checkout.Baskets;
import shop.storefront.checkout.OrderPlaced;

/** The cart as checkout's basket; once an order is placed from it, the ordered units leave the cart. */
@ApplicationScoped
class CartBaskets implements Baskets {

    private final CartOwner owner;
    private final CartStore store;

    CartBaskets(CartOwner owner, CartStore store) {
        this.owner = owner;
        this.store = store;
    }

    @Override
    public Optional<Basket> current() {
        return owner.existingKey().map(key -> {
            Map<String, Integer> quantities = new LinkedHashMap<>();
            store.entries(key).forEach((sku, entry) -> quantities.put(sku, entry.quantity()));
            return new Basket(key, quantities);
        });
    }

    /** Only the ordered units go: anything added in another tab meanwhile stays in the cart. */
    void onOrderPlaced(@Observes OrderPlaced order) {
        for (OrderPlaced.Line line : order.lines()) {
            store.takeOut(order.basketId(), line.sku(), line.quantity());
        }
    }
}
