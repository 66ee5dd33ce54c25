package shop.storefront.web.internal;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.security.MessageDigest;
import java.util.Base64;
import shop.storefront.web.CookieSigner;
import shop.storefront.web.FormTokens;
import shop.storefront.web.SessionBinding;

/**
 * The CSRF token of this browser and session, rendered into every form as {@code inject:csrf.token}. The browser
 * holds a random secret in a signed, HttpOnly, SameSite=Strict {@code __Host-} cookie (so no sibling domain can plant
 * one); the token is an HMAC of that secret and the signed-in session id, so signing in or out turns every token
 * issued before into a refused one ({@link CsrfFilter}).
 * <p>
 * Pages are compressed, and a page can reflect what a visitor typed next to the token, so the token never appears as
 * it is: each {@link #token()} is a freshly masked copy ({@link MaskedTokens}), and only masked copies are accepted.
 */
@Named("csrf")
@RequestScoped
public class CsrfToken implements FormTokens {

    static final String COOKIE = "__Host-csrf";
    static final String FIELD = "csrf-token";
    static final String HEADER = "X-CSRF-Token";
    /** An HMAC-SHA256. */
    private static final int TOKEN_BYTES = 32;

    private final CurrentVertxRequest request;
    private final CookieSigner signer;
    private byte[] token;

    CsrfToken(CurrentVertxRequest request, CookieSigner signer) {
        this.request = request;
        this.signer = signer;
    }

    /**
     * A masked copy of the token for this browser and session, different on every call; issues the browser's secret
     * (and its cookie) the first time.
     */
    @Override
    public String token() {
        if (token == null) {
            String secret = secretFromCookie();
            if (secret == null) {
                secret = CookieSigner.randomId();
                RoutingContext ctx = request.getCurrent();
                if (ctx != null) {
                    ctx.response().addCookie(Cookie.cookie(COOKIE, signer.sign(secret)).setPath("/").setHttpOnly(true)
                            .setSecure(true).setSameSite(CookieSameSite.STRICT));
                }
            }
            token = tokenFor(secret);
        }
        return MaskedTokens.mask(token);
    }

    /** Whether a masked token sent with a request holds the one this browser's cookie and current session call for. */
    boolean accepts(String sent) {
        String secret = secretFromCookie();
        if (secret == null) {
            return false;
        }
        return MaskedTokens.unmask(sent, TOKEN_BYTES).map(unmasked -> MessageDigest.isEqual(tokenFor(secret), unmasked))
                .orElse(false);
    }

    private byte[] tokenFor(String secret) {
        return Base64.getUrlDecoder().decode(signer.signature("csrf:" + secret + ":" + sessionId()));
    }

    private String secretFromCookie() {
        RoutingContext ctx = request.getCurrent();
        Cookie cookie = ctx == null ? null : ctx.request().getCookie(COOKIE);
        return cookie == null ? null : signer.verify(cookie.getValue()).orElse(null);
    }

    /** Read from the routing context, where authentication left it: never blocks, even on the event loop. */
    private String sessionId() {
        RoutingContext ctx = request.getCurrent();
        if (ctx != null && ctx.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            Object id = identity == null ? null : identity.getAttribute(SessionBinding.IDENTITY_ATTRIBUTE);
            return id == null ? "" : id.toString();
        }
        return "";
    }
}
