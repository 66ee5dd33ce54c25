package shop.storefront.cart.internal.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * Whose cart this request works on: the signed-in customer's, else the guest cart named by the request's
 * {@link GuestCartId}. A guest cart (and its id) is created on the first change only.
 */
@RequestScoped
public class CartOwner {

    static final String CUSTOMER_PREFIX = "cart:customer:";
    private static final String GUEST_PREFIX = "cart:guest:";

    private final SecurityIdentity identity;
    private final GuestCartId guestId;

    CartOwner(SecurityIdentity identity, GuestCartId guestId) {
        this.identity = identity;
        this.guestId = guestId;
    }

    /** Redis key of the current cart, if there is one. */
    public Optional<String> existingKey() {
        if (!identity.isAnonymous()) {
            return Optional.of(customerKey(identity.getPrincipal().getName()));
        }
        return guestKey();
    }

    /** Redis key of the current cart, starting a guest cart when there is none. */
    public String keyForChange() {
        return existingKey().orElseGet(() -> GUEST_PREFIX + guestId.startNew());
    }

    /** The guest cart named by this request, whoever is signed in (used when merging on sign-in). */
    public Optional<String> guestKey() {
        return guestId.current().map(id -> GUEST_PREFIX + id);
    }

    /** Keeps a guest's id alive as long as the cart (sliding expiry). */
    public void refreshGuestCookie() {
        if (identity.isAnonymous()) {
            guestId.current().ifPresent(guestId::keepAlive);
        }
    }

    public void forgetGuestCart() {
        guestId.forget();
    }

    static String customerKey(String customerId) {
        return CUSTOMER_PREFIX + customerId;
    }
}
