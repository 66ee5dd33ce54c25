package shop.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.storefront.web.Shopper;

/**
 * Wrong passwords for an account slow its sign-ins down but never lock the owner out; the hard limit is per client
 * address. Clients are told apart by X-Forwarded-For (the tests connect from a trusted proxy address).
 */
@QuarkusTest
class SignInThrottleTest {

    @Inject
    RedisDataSource redis;
    @ConfigProperty(name = "storefront.account.sign-in-delay-max")
    Duration maxDelay;

    @BeforeEach
    void freshRateLimits() {
        Accounts.resetRateLimits(redis);
    }

    @Test
    void wrongPasswordsFromElsewhereDoNotLockTheOwnerOut() {
        String email = Accounts.signedUp(new Shopper());
        for (int i = 1; i <= 6; i++) {
            Response wrong = Accounts.signIn(new Shopper().forwardedFor("203.0.113." + i), email, "guess number " + i);
            assertThat(wrong.statusCode()).as("guess %d", i).isEqualTo(401);
        }

        Shopper owner = new Shopper().forwardedFor("198.51.100.20");
        Timed signIn = timedSignIn(owner, email, Accounts.PASSWORD);
        assertThat(signIn.response.statusCode()).isEqualTo(303);
        assertThat(owner.get("/account").statusCode()).isEqualTo(200);
        assertThat(signIn.took).as("held back like any sign-in for this account").isGreaterThanOrEqualTo(maxDelay);

        Timed wrong = timedSignIn(new Shopper().forwardedFor("203.0.113.7"), email, "guess number 7");
        assertThat(wrong.response.statusCode()).isEqualTo(401);
        assertThat(wrong.took).as("a wrong password waits as long").isGreaterThanOrEqualTo(maxDelay);
    }

    @Test
    void unknownEmailsAreHeldBackLikeRegisteredOnes() {
        String unknown = Accounts.newEmail();
        for (int i = 1; i <= 6; i++) {
            assertThat(Accounts.signIn(new Shopper().forwardedFor("203.0.113." + (20 + i)), unknown, "guess").statusCode()).isEqualTo(401);
        }
        Timed next = timedSignIn(new Shopper().forwardedFor("203.0.113.30"), unknown, "guess");
        assertThat(next.response.statusCode()).isEqualTo(401);
        assertThat(next.took).isGreaterThanOrEqualTo(maxDelay);
    }

    @Test
    void oneClientAddressGetsAHardLimitWithAWaitTime() {
        String email = Accounts.signedUp(new Shopper());
        for (int i = 0; i < 5; i++) {
            Response wrong = Accounts.signIn(new Shopper().forwardedFor("203.0.113.40"), Accounts.newEmail(), "wrong password!");
            assertThat(wrong.statusCode()).isEqualTo(401);
        }
        Response blocked = Accounts.signIn(new Shopper().forwardedFor("203.0.113.40"), email, Accounts.PASSWORD);
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.asString()).containsPattern("Too many attempts\\. Try again in \\d+ seconds?\\.");
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(redis.key().ttl("ratelimit:sign-in:ip:203.0.113.40")).isBetween(1L, 60L);
        assertThat(Accounts.signIn(new Shopper().forwardedFor("203.0.113.41"), email, Accounts.PASSWORD).statusCode())
                .as("the owner elsewhere").isEqualTo(303);
    }

    private record Timed(Response response, Duration took) {
    }

    /** Times only the sign-in request itself (the form's CSRF token is fetched first). */
    private static Timed timedSignIn(Shopper shopper, String email, String password) {
        String token = shopper.csrfToken("/account/sign-in");
        long start = System.nanoTime();
        Response response = shopper.keep(shopper.request().contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token).formParam("email", email).formParam("password", password)
                .post("/account/sign-in"));
        return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
    }
}
