package shop.storefront.account.internal.web;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import shop.storefront.account.internal.domain.Customer;
import shop.storefront.account.internal.security.SessionCookie;
import shop.storefront.account.internal.service.AccountService;

/** The browser's side of signing in and out, the same for every way of signing in: a new session and its cookie. */
@ApplicationScoped
class BrowserSessions {

    private final AccountService accounts;
    private final SessionCookie cookie;

    BrowserSessions(AccountService accounts, SessionCookie cookie) {
        this.accounts = accounts;
        this.cookie = cookie;
    }

    /** Signs the browser in as the customer: a new session (ending the one it had) and its cookie. */
    void signIn(RoutingContext ctx, Customer customer, String signedInWith) {
        cookie.set(ctx, accounts.startSession(customer, cookie.sessionId(ctx).orElse(null), signedInWith));
    }

    /** Ends the browser's session and clears its cookie; returns how that session had signed in, if it was live. */
    Optional<String> signOut(RoutingContext ctx) {
        Optional<String> signedInWith = accounts.endSession(cookie.sessionId(ctx).orElse(null));
        cookie.clear(ctx);
        return signedInWith;
    }
}
