package shop.storefront.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The outbox's retry back-off: doubling from the initial wait after each failure, capped. */
class OutboxBackoffTest {

    /** 5 s doubling, capped at 10 min: 5, 10, 20, 40, 80, 160, 320 s, then the cap (640 s would be over it). */
    @ParameterizedTest(name = "after failure {0}: {1}")
    @CsvSource({
            "1,  PT5S",
            "2,  PT10S",
            "3,  PT20S",
            "4,  PT40S",
            "5,  PT1M20S",
            "6,  PT2M40S",
            "7,  PT5M20S",
            "8,  PT10M",
            "9,  PT10M",
            "50, PT10M",
            "2147483647, PT10M"})
    void eachFailureDoublesTheWaitUpToTheCap(int failedAttempts, Duration wait) {
        RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(5), Duration.ofMinutes(10));

        assertThat(backoff.after(failedAttempts)).isEqualTo(wait);
    }

    @Test
    void aCapThatIsNotAPowerOfTwoOfTheInitialWaitIsReachedExactly() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(200), Duration.ofSeconds(1));

        assertThat(backoff.after(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theWaitNeverShrinksAsFailuresAddUp() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofHours(1), Duration.ofDays(365));
        Duration previous = Duration.ZERO;
        for (int failures = 1; failures <= 100; failures++) {
            Duration wait = backoff.after(failures);
            assertThat(wait).as("after %d failures", failures).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(Duration.ofDays(365));
            previous = wait;
        }
        assertThat(previous).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void aCapBelowTheInitialWaitWins() {
        assertThat(new RetryBackoff(Duration.ofMinutes(5), Duration.ofMinutes(1)).after(1)).isEqualTo(Duration.ofMinutes(1));
    }
}
