package shop.storefront.account.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import shop.storefront.account.AccountException;
import shop.storefront.platform.Digests;
import shop.storefront.platform.StorefrontConfig;
import shop.storefront.web.AttemptLimiter;

/**
 * The account module's limits on sign-in, sign-up and reset. Per client address: at most N attempts a minute
 * ({@code ratelimit:<action>:ip:<address>}). Per account, a hard limit would let anyone lock the owner out, so
 * sign-ins are slowed down instead, by the failures of the last 15 minutes
 * ({@code ratelimit:sign-in-failures:account:<sha256(email)>}). Reset requests only send the owner an e-mail, so
 * they keep a hard limit per account ({@code ratelimit:reset:account:<sha256(email)>}).
 */
@ApplicationScoped
public class SignInLimiter {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);

    private final AttemptLimiter limiter;
    private final int limit;
    private final Duration maxDelay;

    SignInLimiter(AttemptLimiter limiter, StorefrontConfig config) {
        this.limiter = limiter;
        this.limit = config.account().signInAttemptsPerMinute();
        this.maxDelay = config.account().signInDelayMax();
    }

    /** Counts one attempt from the client address; a 429 telling when to try again once its window is full. */
    public void attemptFrom(String action, String clientAddress) {
        hit(action + ":ip:" + clientAddress);
    }

    /** Counts one reset request for the account; a 429 once its window is full. */
    public void resetRequestFor(String email) {
        hit("reset:account:" + Digests.sha256Hex(email));
    }

    /** How long to wait before answering a sign-in for this e-mail (registered or not: the wait must not tell). */
    public Duration signInDelay(String email) {
        return SignInDelay.after(limiter.recorded(failuresKey(email)), maxDelay);
    }

    public void signInFailed(String email) {
        limiter.record(failuresKey(email), FAILURE_WINDOW);
    }

    private void hit(String name) {
        limiter.attempt(name, limit, WINDOW).ifPresent(wait -> {
            throw AccountException.tooManyAttempts(wait);
        });
    }

    private static String failuresKey(String email) {
        return "sign-in-failures:account:" + Digests.sha256Hex(email);
    }
}
