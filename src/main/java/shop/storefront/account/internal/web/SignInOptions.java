package shop.storefront.account.internal.web;

import jakarta.enterprise.context.ApplicationScoped;
import shop.storefront.account.internal.AccountConfig;

/** The ways of signing in the sign-in page offers besides e-mail and password. */
@ApplicationScoped
class SignInOptions {

    private final AccountConfig.Cognito cognito;

    SignInOptions(AccountConfig config) {
        this.cognito = config.cognito();
    }

    /** The name on the "Sign in with …" button for Amazon Cognito; null when Cognito sign-in is off. */
    String cognitoProvider() {
        return cognito.enabled() ? cognito.providerName() : null;
    }
}
