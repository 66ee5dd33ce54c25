package shop.storefront.web.internal;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import shop.storefront.web.CookieSigner;

/**
 * The CSRF token of this browser, rendered into every form as {@code inject:csrf.token}. It lives in a signed,
 * HttpOnly, SameSite=Strict cookie; a form post must send the same value back ({@link CsrfFilter}).
 */
@Named("csrf")
@RequestScoped
public class CsrfToken {

    static final String COOKIE = "csrf";
    static final String FIELD = "csrf-token";

    private final CurrentVertxRequest request;
    private final CookieSigner signer;
    private String token;

    CsrfToken(CurrentVertxRequest request, CookieSigner signer) {
        this.request = request;
        this.signer = signer;
    }

    /** The token for this browser, issuing a new one (and its cookie) the first time. */
    public String token() {
        if (token == null) {
            token = fromCookie();
            if (token == null) {
                token = signer.sign(CookieSigner.randomId());
                RoutingContext ctx = request.getCurrent();
                if (ctx != null) {
                    ctx.response().addCookie(Cookie.cookie(COOKIE, token).setPath("/").setHttpOnly(true).setSecure(true)
                            .setSameSite(CookieSameSite.STRICT));
                }
            }
        }
        return token;
    }

    /** The validly signed token this browser sent in its cookie, or null. */
    String fromCookie() {
        RoutingContext ctx = request.getCurrent();
        Cookie cookie = ctx == null ? null : ctx.request().getCookie(COOKIE);
        return cookie != null && signer.verify(cookie.getValue()).isPresent() ? cookie.getValue() : null;
    }
}
