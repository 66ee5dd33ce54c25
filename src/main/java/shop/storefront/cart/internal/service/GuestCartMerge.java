package shop.storefront.cart.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import shop.storefront.account.CustomerSignedIn;

/**
 * On sign-in, the guest cart of this browser joins the customer's cart: the same SKU adds up, capped by
 * stock; the guest cart and its cookie are then gone.
 */
@ApplicationScoped
public class GuestCartMerge {

    private final CartOwner owner;
    private final CartService carts;

    GuestCartMerge(CartOwner owner, CartService carts) {
        this.owner = owner;
        this.carts = carts;
    }

    void onSignIn(@Observes CustomerSignedIn event) {
        owner.guestKey().ifPresent(guest -> {
            carts.merge(guest, event.customerId());
            owner.forgetGuestCart();
        });
    }
}
