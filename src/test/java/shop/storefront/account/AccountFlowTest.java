package shop.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.storefront.account.Accounts.PASSWORD;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.web.Shopper;
import shop.storefront.web.SmtpServer;

/**
 * Sign-up, sign-in and sign-out end to end over HTTP with real Redis: the session cookie, its replacement at sign-in,
 * one answer for every failed sign-in, a rate-limit window per client.
 */
@QuarkusTest
@QuarkusTestResource(SmtpServer.class)
class AccountFlowTest {

    @Inject
    CatalogOracle db;
    @Inject
    RedisDataSource redis;

    @BeforeEach
    void freshRateLimits() {
        Accounts.resetRateLimits(redis);
    }

    @Test
    void signUpSignOutSignIn() {
        Shopper shopper = new Shopper();
        String email = Accounts.newEmail();
        Response signedUp = Accounts.signUp(shopper, "  " + email.toUpperCase() + " ", PASSWORD);
        assertThat(signedUp.statusCode()).isEqualTo(303);
        assertThat(signedUp.header("Location")).endsWith("/account");
        Cookie session = signedUp.getDetailedCookie("__Host-session");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.isSecured()).isTrue();
        assertThat(session.getSameSite()).isEqualToIgnoringCase("Lax");
        assertThat(db.string("SELECT email FROM account.customer WHERE email = ?", email)).as("stored normalised").isEqualTo(email);
        String hash = db.string("SELECT password_hash FROM account.customer WHERE email = ?", email);
        assertThat(hash).startsWith("$2a$12$").doesNotContain(PASSWORD);

        String account = shopper.get("/account").asString();
        assertThat(account).contains("Signed in as <strong>" + email + "</strong>", "href=\"/account\">Account</a>");

        assertThat(shopper.submit("/account", "/account/sign-out", Map.of()).header("Location")).endsWith("/");
        assertThat(redis.key().keys("session:*")).noneMatch(k -> k.endsWith(sessionId(session)));
        Response anonymous = shopper.get("/account");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.header("Location")).endsWith("/account/sign-in");

        assertThat(Accounts.signIn(shopper, email, PASSWORD).statusCode()).isEqualTo(303);
        assertThat(shopper.get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void signInReplacesAnySessionTheBrowserBrought() {
        Shopper victim = new Shopper();
        String email = Accounts.signedUp(victim);
        String planted = victim.cookie("__Host-session");
        Shopper browser = new Shopper();
        browser.setCookie("__Host-session", planted);
        Response signIn = Accounts.signIn(browser, email, PASSWORD);
        assertThat(signIn.statusCode()).isEqualTo(303);
        assertThat(browser.cookie("__Host-session")).isNotEqualTo(planted);
        assertThat(redis.key().exists("session:" + sessionId(planted))).as("the old session is gone").isFalse();
    }

    @Test
    void wrongPasswordAndUnknownEmailLookTheSame() {
        String email = Accounts.signedUp(new Shopper());
        Response wrong = Accounts.signIn(new Shopper(), email, "wrong password!");
        Response unknown = Accounts.signIn(new Shopper(), Accounts.newEmail(), "wrong password!");
        assertThat(wrong.statusCode()).isEqualTo(401).isEqualTo(unknown.statusCode());
        assertThat(message(wrong)).isEqualTo(message(unknown)).isEqualTo("That e-mail and password do not match an account.");
        assertThat(wrong.getDetailedCookie("__Host-session")).isNull();
    }

    @Test
    void eachClientBehindTheLoadBalancerHasItsOwnWindow() {
        // The ALB (a trusted proxy) names the client in X-Forwarded-For; one noisy client must not lock out others.
        for (int i = 0; i < 6; i++) {
            Shopper noisy = new Shopper();
            noisy.forwardedFor("203.0.113.7");
            Accounts.signIn(noisy, Accounts.newEmail(), "wrong password!");
        }
        Shopper other = new Shopper();
        other.forwardedFor("198.51.100.23");
        assertThat(Accounts.signIn(other, Accounts.newEmail(), "wrong password!").statusCode()).isEqualTo(401);
        assertThat(redis.key().exists("ratelimit:sign-in:ip:203.0.113.7")).isTrue();
        assertThat(redis.key().exists("ratelimit:sign-in:ip:198.51.100.23")).isTrue();
    }

    private static String sessionId(Cookie cookie) {
        return sessionId(cookie.getValue());
    }

    private static String sessionId(String signed) {
        return signed.substring(0, signed.lastIndexOf('.'));
    }

    private static String message(Response response) {
        Matcher m = Pattern.compile("<p class=\"form-error\" role=\"alert\" id=\"form-error\">([^<]*)</p>").matcher(response.asString());
        assertThat(m.find()).as("an error message on the page").isTrue();
        return m.group(1);
    }
}
