package shop.storefront.cart.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import shop.storefront.checkout.Basket;
import shop.storefront.checkout.Baskets;

/** The cart as checkout's basket ({@link OrderedUnits} takes out what was ordered from it). */
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
}
