package shop.storefront.account.internal.cognito;

import io.quarkus.oidc.Oidc;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import shop.storefront.account.internal.AccountConfig;
import shop.storefront.platform.StorefrontConfig;
import shop.storefront.web.CookieSigner;

/**
 * The OIDC tenant for Amazon Cognito, created at start-up when it is configured and serving only
 * {@value #PATHS}: the authorization-code flow with PKCE, state and nonce, the ID token's signature, issuer, audience
 * and expiry checked by quarkus-oidc. Its session is not kept: the callback hands over to the shop's own Redis session
 * and drops it ({@code CognitoSignInPages}), so OIDC cookies live only under {@value #COOKIE_PATH}.
 */
@ApplicationScoped
public class CognitoTenant {

    public static final String ID = "cognito";
    public static final String COOKIE_PATH = "/account/cognito";
    public static final String CALLBACK = COOKIE_PATH + "/callback";
    static final String PATHS = COOKIE_PATH + "/*";

    void create(@Observes Oidc oidc, AccountConfig account, StorefrontConfig storefront, CookieSigner signer) {
        AccountConfig.Cognito cognito = account.cognito();
        if (!cognito.enabled()) {
            return;
        }
        oidc.create(OidcTenantConfig.authServerUrl(cognito.issuer().orElseThrow())
                .tenantId(ID)
                .tenantPaths(PATHS)
                .applicationType(ApplicationType.WEB_APP)
                .clientId(cognito.clientId().orElseThrow())
                .credentials(cognito.clientSecret().orElseThrow())
                .authentication()
                    .scopes("email")
                    .pkceRequired()
                    .nonceRequired()
                    .redirectPath(CALLBACK)
                    .restorePathAfterRedirect(false)
                    // the callback's own request completes the sign-in, so the OIDC session cookie never reaches the browser
                    .removeRedirectParameters(false)
                    // behind the ALB the request is plain http; the address Cognito sends the browser back to must not be
                    .forceRedirectHttpsScheme(storefront.baseUrl().startsWith("https://"))
                    .cookiePath(COOKIE_PATH)
                    .cookieForceSecure()
                    // the same on every instance, as the flow may end on another instance than it began
                    .stateSecret(signer.signature("oidc-state:" + ID))
                    .end()
                .build());
    }
}
