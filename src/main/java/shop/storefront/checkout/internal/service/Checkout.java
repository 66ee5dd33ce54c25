package shop.storefront.checkout.internal.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.Optional;
import shop.storefront.checkout.Basket;
import shop.storefront.checkout.Baskets;
import shop.storefront.checkout.internal.domain.CartEmpty;
import shop.storefront.checkout.internal.pricing.Pricing;
import shop.storefront.checkout.internal.pricing.Quote;
import shop.storefront.checkout.internal.pricing.ShippingOption;

/** Checkout for the shopper of the current request (guest or customer), shared by the pages and the API. */
@RequestScoped
public class Checkout {

    private final Baskets baskets;
    private final Pricing pricing;
    private final OrderPlacement placement;
    private final SecurityIdentity identity;

    Checkout(Baskets baskets, Pricing pricing, OrderPlacement placement, SecurityIdentity identity) {
        this.baskets = baskets;
        this.pricing = pricing;
        this.placement = placement;
        this.identity = identity;
    }

    public Optional<Basket> basket() {
        return baskets.current();
    }

    public boolean hasItems() {
        return basket().map(b -> !b.isEmpty()).orElse(false);
    }

    public List<ShippingOption> shippingOptions(String country) {
        return pricing.shippingOptions(requireBasket(), country);
    }

    /** The basket's lines and goods total, for a summary before the delivery is chosen. */
    public Pricing.Items items() {
        return pricing.items(requireBasket());
    }

    public Quote quote(String country, String shippingMethod) {
        return pricing.quote(requireBasket(), country, shippingMethod);
    }

    public OrderPlacement.Placement place(OrderRequest request) {
        return placement.place(basket(), customerId().orElse(null), request);
    }

    /** The signed-in customer's public id. */
    public Optional<String> customerId() {
        return identity.isAnonymous() ? Optional.empty() : Optional.of(identity.getPrincipal().getName());
    }

    private Basket requireBasket() {
        return basket().filter(b -> !b.isEmpty())
                .orElseThrow(CartEmpty::new);
    }
}
