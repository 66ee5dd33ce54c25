package shop.storefront.account.internal.web;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import shop.storefront.account.internal.AccountConfig;
import shop.storefront.account.internal.cognito.CognitoTenant;

/**
 * Where a Cognito sign-in that quarkus-oidc refuses goes: a token that is forged, expired or for another client ends on
 * the sign-in page, answered 401 and saying so, rather than on an empty 401. (With Cognito sign-in off, its paths need
 * a sign-in no mechanism offers, so the shop's own mechanism answers them with the sign-in page.)
 */
@ApplicationScoped
class CognitoRoutes {

    private static final Logger LOG = Logger.getLogger(CognitoRoutes.class);
    /** quarkus-oidc's cookie holding the flow's state, PKCE verifier and nonce: q_auth_&lt;tenant&gt;_&lt;state&gt;. */
    private static final String STATE_COOKIE = "q_auth_" + CognitoTenant.ID;

    void register(@Observes Router router, AccountConfig config) {
        if (!config.cognito().enabled()) {
            return;
        }
        router.route(CognitoTenant.COOKIE_PATH + "/*").order(Integer.MIN_VALUE + 7).failureHandler(CognitoRoutes::refused);
    }

    /**
     * Sends the browser to the refusal page and drops the flow's state cookie, so the next try starts afresh. Logged
     * without the reason: quarkus-oidc's own reasons quote the token (its log category is off for that reason).
     */
    private static void refused(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (!(failure instanceof AuthenticationFailedException || failure instanceof AuthenticationCompletionException)) {
            ctx.next();
            return;
        }
        LOG.warnf("Sign-in with Cognito refused: the code, state or ID token failed quarkus-oidc's checks (%s)",
                failure.getClass().getSimpleName());
        ctx.request().cookies().stream().map(Cookie::getName).filter(name -> name.startsWith(STATE_COOKIE))
                .forEach(name -> ctx.response().addCookie(Cookie.cookie(name, "").setPath(CognitoTenant.COOKIE_PATH)
                        .setMaxAge(0).setSecure(true).setHttpOnly(true)));
        ctx.response().setStatusCode(303).putHeader("Location", CognitoSignInPages.REFUSED).end();
    }
}
