package shop.storefront.account.internal.service;

import java.time.Duration;

/**
 * How long to hold back the answer to a sign-in for an account, given its recent failed sign-ins. Slowing guesses
 * down instead of refusing them means nobody can lock an owner out by getting their password wrong on purpose.
 */
final class SignInDelay {

    /** Failures forgiven without any wait: typing mistakes. */
    static final int FREE_FAILURES = 3;
    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);

    private SignInDelay() {
    }

    /** None up to {@link #FREE_FAILURES}, then 1 s, doubling with each further failure, never more than {@code max}. */
    static Duration after(long failures, Duration max) {
        if (failures <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        // Doubling 1 s more than 40 times is far beyond any sensible maximum (and would overflow).
        long doublings = Math.min(failures - FREE_FAILURES - 1, 40);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
