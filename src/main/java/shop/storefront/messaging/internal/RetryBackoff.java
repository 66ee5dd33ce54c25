package shop.storefront.messaging.internal;

import java.time.Duration;

/**
 * How long a failed outbox message waits before its next attempt: {@code initial} after the first failure, twice as
 * long after each further one, never more than {@code max}. Doubling spreads the retries of a handler whose
 * dependency is down; the cap keeps a message that failed many times from waiting for days once it recovers.
 */
record RetryBackoff(Duration initial, Duration max) {

    /** A bound that keeps the multiplication from overflowing; any sane cap is reached long before. */
    private static final int MAX_DOUBLINGS = 30;

    /** The wait after {@code failedAttempts} failures (the first failure is 1). */
    Duration after(int failedAttempts) {
        Duration wait = initial.multipliedBy(1L << Math.clamp(failedAttempts - 1L, 0, MAX_DOUBLINGS));
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
