package shop.storefront.account.internal.security;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import shop.storefront.web.CookieSigner;

/** The {@code session} cookie: the signed session id, HttpOnly, Secure, SameSite=Lax. */
@ApplicationScoped
public class SessionCookie {

    static final String NAME = "__Host-session";
    private static final String ID = "[A-Za-z0-9_-]{22}";

    private final CookieSigner signer;
    private final SessionStore sessions;

    SessionCookie(CookieSigner signer, SessionStore sessions) {
        this.signer = signer;
        this.sessions = sessions;
    }

    public Optional<String> sessionId(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(NAME);
        return signer.verify(cookie == null ? null : cookie.getValue()).filter(id -> id.matches(ID));
    }

    public void set(RoutingContext ctx, String sessionId) {
        ctx.response().addCookie(cookie(signer.sign(sessionId)).setMaxAge(sessions.ttl().toSeconds()));
    }

    public void clear(RoutingContext ctx) {
        ctx.response().addCookie(cookie("").setMaxAge(0));
    }

    private static Cookie cookie(String value) {
        return Cookie.cookie(NAME, value).setPath("/").setHttpOnly(true).setSecure(true).setSameSite(CookieSameSite.LAX);
    }
}
