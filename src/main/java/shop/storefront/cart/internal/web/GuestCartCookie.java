package shop.storefront.cart.internal.web;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import shop.storefront.cart.internal.CartConfig;
import shop.storefront.cart.internal.service.GuestCartId;
import shop.storefront.web.CookieSigner;

/**
 * The guest cart's id in the signed {@code cart} cookie: HttpOnly, Secure, SameSite=Lax, kept as long as the cart.
 * Outside an HTTP request (a job, a message) there is no cookie to read or write.
 */
@RequestScoped
public class GuestCartCookie implements GuestCartId {

    static final String NAME = "__Host-cart";
    private static final String ID = "[A-Za-z0-9_-]{22}";

    private final CurrentVertxRequest request;
    private final CookieSigner signer;
    private final long maxAgeSeconds;

    GuestCartCookie(CurrentVertxRequest request, CookieSigner signer, CartConfig config) {
        this.request = request;
        this.signer = signer;
        this.maxAgeSeconds = config.ttl().toSeconds();
    }

    @Override
    public Optional<String> current() {
        RoutingContext ctx = request.getCurrent();
        Cookie cookie = ctx == null ? null : ctx.request().getCookie(NAME);
        return signer.verify(cookie == null ? null : cookie.getValue()).filter(id -> id.matches(ID));
    }

    @Override
    public String startNew() {
        String id = CookieSigner.randomId();
        keepAlive(id);
        return id;
    }

    @Override
    public void keepAlive(String id) {
        send(cookie(signer.sign(id)).setMaxAge(maxAgeSeconds));
    }

    @Override
    public void forget() {
        send(cookie("").setMaxAge(0));
    }

    private void send(Cookie cookie) {
        RoutingContext ctx = request.getCurrent();
        if (ctx != null) {
            ctx.response().addCookie(cookie);
        }
    }

    private static Cookie cookie(String value) {
        return Cookie.cookie(NAME, value).setPath("/").setHttpOnly(true).setSecure(true).setSameSite(CookieSameSite.LAX);
    }
}
