package shop.storefront.checkout.internal.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every Stripe-Signature header is client input: whatever it holds, the answer is verified or not, never an error. */
class StripeSignatureTest {

    private static final String SECRET = "whsec_test";
    private static final String BODY = "{\"id\":\"evt_1\"}";
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    @ParameterizedTest
    @ValueSource(longs = {Long.MAX_VALUE, Long.MIN_VALUE, 99_999_999_999_999L, -99_999_999_999_999L, 0, 1_764_590_100L})
    void timestampsOutsideTheToleranceAreRefusedNotThrown(long timestamp) {
        String header = "t=" + timestamp + ",v1=" + StripeSignature.sign(timestamp + "." + BODY, SECRET);
        assertThat(StripeSignature.verify(header, BODY, SECRET, TOLERANCE, NOW)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "t=", "t=abc,v1=00", "t=1e9,v1=00", "v1=00", ",,,", "t=99999999999999999999999,v1=00", "t= ,v1="})
    void malformedHeadersAreRefused(String header) {
        assertThat(StripeSignature.verify(header, BODY, SECRET, TOLERANCE, NOW)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -299, 299})
    void aSignatureWithinTheToleranceVerifies(long offsetSeconds) {
        long timestamp = NOW.getEpochSecond() + offsetSeconds;
        String header = "t=" + timestamp + ",v1=" + StripeSignature.sign(timestamp + "." + BODY, SECRET);
        assertThat(StripeSignature.verify(header, BODY, SECRET, TOLERANCE, NOW)).isTrue();
    }
}
