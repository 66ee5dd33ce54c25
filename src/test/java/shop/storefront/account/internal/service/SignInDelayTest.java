package shop.storefront.account.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The progressive wait before answering sign-ins for an account with recent failures. */
class SignInDelayTest {

    private static final Duration GENEROUS_MAX = Duration.ofDays(1);

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3})
    void theFirstFewFailuresCostNothing(long failures) {
        assertThat(SignInDelay.after(failures, GENEROUS_MAX)).isZero();
    }

    @ParameterizedTest
    @CsvSource({"4, 1", "5, 2", "6, 4", "7, 8", "8, 16", "12, 256"})
    void thenTheWaitDoublesWithEachFailure(long failures, long seconds) {
        assertThat(SignInDelay.after(failures, GENEROUS_MAX)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @CsvSource({"4, PT0.3S, PT0.3S", "5, PT1.5S, PT1.5S", "6, PT30S, PT4S", "7, PT10S, PT8S", "8, PT10S, PT10S",
            "1000, PT10S, PT10S", "9223372036854775807, PT10S, PT10S", "2, PT0.3S, PT0S"})
    void andNeverExceedsTheMaximum(long failures, Duration max, Duration expected) {
        assertThat(SignInDelay.after(failures, max)).isEqualTo(expected);
    }
}
