package shop.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.storefront.account.internal.service.SignInLimiter;
import shop.storefront.platform.DomainException;
import shop.storefront.web.ErrorStatus;

/**
 * Guesses for one account sent in parallel from many addresses queue behind each other: each claims the next turn,
 * and once the queue is longer than the longest wait the rest are refused, so the guessing rate per account stays
 * bounded however many addresses an attacker has. (Sent one after another they are only slowed down.)
 */
@QuarkusTest
class SignInTurnsTest {

    @Inject
    SignInLimiter limiter;
    @Inject
    RedisDataSource redis;
    @ConfigProperty(name = "storefront.account.sign-in-delay-max")
    Duration maxDelay;

    @BeforeEach
    void freshRateLimits() {
        Accounts.resetRateLimits(redis);
    }

    @Test
    void aBurstOfGuessesQueuesAndTheRestIsRefused() {
        String email = Accounts.newEmail();
        List<Duration> granted = new ArrayList<>();
        int refused = 0;
        // Claimed back to back, as simultaneous requests would: none of them has finished (or failed) yet.
        for (int i = 0; i < 20; i++) {
            try {
                granted.add(limiter.claimSignInTurn(email));
            } catch (DomainException e) {
                assertThat(ErrorStatus.of(e)).isEqualTo(429);
                assertThat(ErrorStatus.retryAfterSeconds(e)).isPositive();
                refused++;
            }
        }
        assertThat(refused).as("claims refused once the queue is full").isGreaterThanOrEqualTo(10);
        assertThat(granted).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(maxDelay));
        assertThat(granted.subList(0, 4)).as("a few typing mistakes cost nothing").containsOnly(Duration.ZERO);
    }

    @Test
    void aSuccessfulSignInIsNotCountedAsAFailure() {
        String email = Accounts.newEmail();
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.claimSignInTurn(email)).isZero();
            limiter.signInSucceeded(email);
        }
    }
}
