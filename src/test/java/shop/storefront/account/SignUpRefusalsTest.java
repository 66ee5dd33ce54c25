package shop.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.storefront.account.Accounts.PASSWORD;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.web.Shopper;
import shop.storefront.web.SmtpServer;

/** Sign-up forms that are refused, with nothing stored: a taken or malformed e-mail, a bad password, a forged form. */
@QuarkusTest
@QuarkusTestResource(SmtpServer.class)
class SignUpRefusalsTest {

    @Inject
    CatalogOracle db;
    @Inject
    RedisDataSource redis;

    @BeforeEach
    void freshRateLimits() {
        Accounts.resetRateLimits(redis);
    }

    @Test
    void duplicateEmailGetsAClearMessage() {
        Shopper shopper = new Shopper();
        String email = Accounts.signedUp(shopper);
        Response again = Accounts.signUp(new Shopper(), email.toUpperCase(), "another password");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.asString()).contains("An account already exists for this e-mail address", "value=\"" + email.toUpperCase() + "\"");
        assertThat(db.longValue("SELECT count(*) FROM account.customer WHERE email = ?", email)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-email", "a@b", "two@@example.com", "spaces in@example.com", ""})
    void invalidEmailsAreRefused(String email) {
        Response response = Accounts.signUp(new Shopper(), email, PASSWORD);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.asString()).contains("Enter an e-mail address such as name@example.com");
    }

    @Test
    void passwordRules() {
        String email = Accounts.newEmail();
        Response tooShort = Accounts.signUp(new Shopper(), email, "short");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.asString()).contains("at least 8 characters").doesNotContain("short\"");
        Response huge = Accounts.signUp(new Shopper(), email, "x".repeat(10_240));
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.asString()).contains("at most 72 bytes");
        Response enormous = Accounts.signUp(new Shopper(), email, "x".repeat(100_000));
        assertThat(enormous.statusCode()).isEqualTo(413);
        assertThat(enormous.asString()).contains("The request is too large");
        assertThat(db.longValue("SELECT count(*) FROM account.customer WHERE email = ?", email)).isZero();
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() {
        Shopper shopper = new Shopper();
        String email = Accounts.newEmail();
        Response forged = shopper.keep(shopper.request().contentType("application/x-www-form-urlencoded")
                .formParam("email", email).formParam("password", PASSWORD).post("/account/sign-up"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(db.longValue("SELECT count(*) FROM account.customer WHERE email = ?", email)).isZero();
    }
}
