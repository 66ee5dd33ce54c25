package shop.storefront.account.internal.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import shop.storefront.platform.TemporarilyUnavailable;
import shop.storefront.web.SessionBinding;

/**
 * Quarkus security on top of the Redis sessions: a request with a valid session cookie gets the customer's
 * identity (principal = customer id, role customer or admin); anything else stays anonymous. Pages that
 * need a customer redirect to the sign-in page, the API answers 401.
 */
@ApplicationScoped
public class SessionAuthentication implements HttpAuthenticationMechanism {

    /** The session id a request presented. */
    public static final class SessionRequest extends BaseAuthenticationRequest {
        final String sessionId;

        SessionRequest(String sessionId) {
            this.sessionId = sessionId;
        }
    }

    private final SessionCookie cookie;

    SessionAuthentication(SessionCookie cookie) {
        this.cookie = cookie;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        return cookie.sessionId(context)
                .map(id -> identities.authenticate(new SessionRequest(id))
                        .onFailure(SessionAuthentication::redisDown).recoverWithNull())
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    /**
     * Without Redis no session can be read: the request goes on signed out (anonymous, not refused), so pages that need
     * no customer still answer, and those that do send the shopper to sign in, which says it is paused.
     */
    private static boolean redisDown(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TemporarilyUnavailable) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (context.request().path().startsWith("/api/")) {
            return Uni.createFrom().item(new ChallengeData(401, null, null));
        }
        return Uni.createFrom().item(new ChallengeData(302, "Location", "/account/sign-in"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionRequest.class);
    }

    /** Looks the session up in Redis (off the event loop). */
    @ApplicationScoped
    public static class Provider implements IdentityProvider<SessionRequest> {

        private final SessionStore sessions;

        Provider(SessionStore sessions) {
            this.sessions = sessions;
        }

        @Override
        public Class<SessionRequest> getRequestType() {
            return SessionRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> sessions.find(request.sessionId)
                    .map(s -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                            .setPrincipal(new QuarkusPrincipal(s.customerId()))
                            .addRole(s.role())
                            .addAttribute("email", s.email())
                            .addAttribute(SessionBinding.IDENTITY_ATTRIBUTE, request.sessionId)
                            .build())
                    .orElse(null));
        }
    }
}
