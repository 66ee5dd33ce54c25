package shop.storefront.web;

/**
 * How the web layer learns which signed-in session a request belongs to without knowing how sessions work: the
 * authentication mechanism puts the session id on the security identity under this attribute. CSRF tokens are
 * bound to it, so a token seen in one session is worthless in another.
 */
public final class SessionBinding {

    public static final String IDENTITY_ATTRIBUTE = "sessionId";

    private SessionBinding() {
    }
}
