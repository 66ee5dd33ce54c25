package shop.storefront.cart.internal.service;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import shop.storefront.cart.internal.CartConfig;
import shop.storefront.web.CookieSigner;

/**
 * Whose cart this request works on: the signed-in customer's, else the guest cart named by the signed
 * {@code cart} cookie. A guest cart (and its cookie) is created on the first change only.
 */
@RequestScoped
public class CartOwner {

    static final String COOKIE = "__Host-cart";
    static final String CUSTOMER_PREFIX = "cart:customer:";
    private static final String GUEST_ID = "[A-Za-z0-9_-]{22}";

    private final CurrentVertxRequest request;
    private final SecurityIdentity identity;
    private final CookieSigner signer;
    private final long maxAgeSeconds;

    CartOwner(CurrentVertxRequest request, SecurityIdentity identity, CookieSigner signer, CartConfig config) {
        this.request = request;
        this.identity = identity;
        this.signer = signer;
        this.maxAgeSeconds = config.ttl().toSeconds();
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
        return existingKey().orElseGet(() -> {
            String id = CookieSigner.randomId();
            setCookie(id);
            return "cart:guest:" + id;
        });
    }

    /** The guest cart named by this request's cookie, whoever is signed in (used when merging on sign-in). */
    public Optional<String> guestKey() {
        RoutingContext ctx = request.getCurrent();
        Cookie cookie = ctx == null ? null : ctx.request().getCookie(COOKIE);
        return signer.verify(cookie == null ? null : cookie.getValue())
                .filter(id -> id.matches(GUEST_ID))
                .map(id -> "cart:guest:" + id);
    }

    /** Keeps a guest's cookie alive as long as the cart (sliding expiry). */
    public void refreshGuestCookie() {
        if (identity.isAnonymous()) {
            guestKey().ifPresent(key -> setCookie(key.substring("cart:guest:".length())));
        }
    }

    public void forgetGuestCart() {
        RoutingContext ctx = request.getCurrent();
        if (ctx != null) {
            ctx.response().addCookie(cookie("").setMaxAge(0));
        }
    }

    static String customerKey(String customerId) {
        return CUSTOMER_PREFIX + customerId;
    }

    private void setCookie(String id) {
        RoutingContext ctx = request.getCurrent();
        if (ctx != null) {
            ctx.response().addCookie(cookie(signer.sign(id)).setMaxAge(maxAgeSeconds));
        }
    }

    private static Cookie cookie(String value) {
        return Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true).setSecure(true).setSameSite(CookieSameSite.LAX);
    }
}
