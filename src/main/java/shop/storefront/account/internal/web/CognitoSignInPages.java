package shop.storefront.account.internal.web;

import io.quarkus.oidc.IdToken;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import shop.storefront.account.internal.cognito.CognitoTenant;
import shop.storefront.account.internal.service.AccountService;
import shop.storefront.platform.DomainException;
import shop.storefront.web.ErrorStatus;
import shop.storefront.web.Redirects;

/**
 * Sign-in with Amazon Cognito. quarkus-oidc runs the authorization-code flow on {@code cognito/sign-in} and
 * {@code cognito/callback} (the HTTP permission "cognito" in application.properties makes them need its sign-in) and
 * checks the ID token; this hands the customer it names over to the shop's own session, as a password sign-in would,
 * and drops the OIDC session's cookie before it reaches the browser: the shop's session is the only one.
 */
@Path("/account")
@Produces(MediaType.TEXT_HTML)
public class CognitoSignInPages {

    static final String REFUSED = "/account/cognito-refused";
    private static final String OIDC_SESSION_COOKIE = "q_session_" + CognitoTenant.ID;

    private final AccountService accounts;
    private final BrowserSessions browser;
    /** The ID token quarkus-oidc checked: signature (the pool's keys), issuer, audience (our client), expiry, nonce. */
    @Inject
    @IdToken
    JsonWebToken idToken;
    private final SignInOptions options;

    CognitoSignInPages(AccountService accounts, BrowserSessions browser, SignInOptions options) {
        this.accounts = accounts;
        this.browser = browser;
        this.options = options;
    }

    /** The sign-in page's button: a browser without a Cognito sign-in is sent to Cognito first. */
    @GET
    @Path("cognito/sign-in")
    public Response signIn(RoutingContext ctx) {
        return complete(ctx);
    }

    /** Where Cognito sends the browser back with the code; quarkus-oidc has exchanged and checked it by now. */
    @GET
    @Path("cognito/callback")
    public Response callback(RoutingContext ctx) {
        return complete(ctx);
    }

    /** Where a failed flow (forged, expired or foreign token, wrong state) ends: the sign-in page, saying so. */
    @GET
    @Path("cognito-refused")
    public Response refused() {
        if (options.cognitoProvider() == null) {
            return Redirects.found("/account/sign-in");
        }
        return Response.status(401).entity(signInPage("Signing in with " + options.cognitoProvider()
                + " did not work. Please try again, or sign in with your e-mail and password.")).build();
    }

    private Response complete(RoutingContext ctx) {
        try {
            browser.signIn(ctx, accounts.signInVouchedFor(idToken.getClaim("email"), emailVerified(),
                    options.cognitoProvider()), CognitoTenant.ID);
            return Redirects.seeOther("/account");
        } catch (DomainException e) {
            return Response.status(ErrorStatus.of(e)).entity(signInPage(e.getMessage())).build();
        } finally {
            // set by quarkus-oidc earlier in this very response: expiring it here means the browser never keeps it
            ctx.response().removeCookies(OIDC_SESSION_COOKIE);
        }
    }

    /** Cognito writes the claim as a JSON boolean; some federated users' tokens carry the string "true". */
    private boolean emailVerified() {
        return "true".equals(String.valueOf((Object) idToken.getClaim("email_verified")));
    }

    private TemplateInstance signInPage(String error) {
        return AccountPages.Templates.signIn("", error, options.cognitoProvider());
    }
}
