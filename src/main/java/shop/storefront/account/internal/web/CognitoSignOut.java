package shop.storefront.account.internal.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import shop.storefront.account.internal.AccountConfig;
import shop.storefront.account.internal.cognito.CognitoTenant;
import shop.storefront.platform.StorefrontConfig;

/**
 * Signing out of a session that Cognito signed in also ends the sign-in at Cognito, or the next "Sign in with …" would
 * pass straight through without asking. Cognito's logout endpoint takes the app client and where to send the browser
 * back (one of the app client's allowed sign-out URLs: the shop's home page).
 */
@ApplicationScoped
class CognitoSignOut {

    private final Optional<URI> location;

    CognitoSignOut(AccountConfig account, StorefrontConfig storefront) {
        AccountConfig.Cognito cognito = account.cognito();
        this.location = cognito.logoutUrl().filter(url -> cognito.enabled()).map(url -> URI.create(url
                + "?client_id=" + encode(cognito.clientId().orElseThrow())
                + "&logout_uri=" + encode(storefront.baseUrl() + "/")));
    }

    /** Cognito's logout endpoint for a session it signed in; empty when none is configured. */
    Optional<URI> after(Optional<String> signedInWith) {
        return signedInWith.filter(CognitoTenant.ID::equals).flatMap(via -> location);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
