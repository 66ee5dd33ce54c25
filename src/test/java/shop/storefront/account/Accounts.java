package shop.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.restassured.response.Response;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.web.Eventually;
import shop.storefront.web.Shopper;

/** Test helpers for accounts: unique e-mails, sign-up and sign-in through the real forms. */
public final class Accounts {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    public static final String PASSWORD = "correct horse battery";

    private Accounts() {
    }

    public static String newEmail() {
        return "shopper" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() + "@example.com";
    }

    public static Response signUp(Shopper shopper, String email, String password) {
        return shopper.submit("/account/sign-up", "/account/sign-up", Map.of("email", email, "password", password, "name", "Test Shopper"));
    }

    public static Response signIn(Shopper shopper, String email, String password) {
        return shopper.submit("/account/sign-in", "/account/sign-in", Map.of("email", email, "password", password));
    }

    /** A new signed-in customer. */
    public static String signedUp(Shopper shopper) {
        String email = newEmail();
        assertThat(signUp(shopper, email, PASSWORD).statusCode()).isEqualTo(303);
        return email;
    }

    /**
     * Waits until the reset e-mails' tokens are committed: the mail handler sends before its transaction commits (a
     * failed send rolls the token back), so a test that acts on the link at once could meet a token not yet stored.
     */
    public static void awaitStoredResets(CatalogOracle db, String email, int count) {
        Eventually.within(Eventually.BACKGROUND_WORK, count + " reset token(s) stored", () -> db.longValue(
                "SELECT count(*) FROM account.password_reset WHERE customer_id = (SELECT id FROM account.customer WHERE email = ?)",
                email) == count);
    }

    /** All tests come from 127.0.0.1: start each with fresh sign-in windows. */
    public static void resetRateLimits(RedisDataSource redis) {
        var keys = redis.key().keys("ratelimit:*");
        if (!keys.isEmpty()) {
            redis.key().del(keys.toArray(String[]::new));
        }
    }
}
