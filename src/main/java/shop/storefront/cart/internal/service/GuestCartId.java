package shop.storefront.cart.internal.service;

import java.util.Optional;

/**
 * Where the id of a guest's cart travels between one request and the next. The web edge keeps it in a signed
 * cookie; the cart only asks for it, hands out a new one and drops it.
 */
public interface GuestCartId {

    /** The id this request brings, if it brings a genuine one. */
    Optional<String> current();

    /** A new id, handed to the browser with this answer. */
    String startNew();

    /** Hands the id to the browser again, so it lives as long as the cart does. */
    void keepAlive(String id);

    /** Tells the browser to drop the id (the guest cart is gone). */
    void forget();
}
