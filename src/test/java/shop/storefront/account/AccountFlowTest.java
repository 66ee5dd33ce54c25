package shop.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.storefront.account.Accounts.PASSWORD;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.web.Eventually;
import shop.storefront.web.Shopper;
import shop.storefront.web.SmtpServer;

/** Sign-up, sign-in, sign-out and password reset end to end, over HTTP, with real Redis and SMTP. */
@QuarkusTest
@QuarkusTestResource(SmtpServer.class)
class AccountFlowTest {

    @Inject
    CatalogOracle db;
    @Inject
    RedisDataSource redis;
    /** Links in e-mails point here. */
    @ConfigProperty(name = "storefront.base-url")
    String baseUrl;

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

    @Test
    void formsWithoutCsrfTokenAreRefused() {
        Shopper shopper = new Shopper();
        String email = Accounts.newEmail();
        Response forged = shopper.keep(shopper.request().contentType("application/x-www-form-urlencoded")
                .formParam("email", email).formParam("password", PASSWORD).post("/account/sign-up"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(db.longValue("SELECT count(*) FROM account.customer WHERE email = ?", email)).isZero();
    }

    @Test
    void passwordResetByEmailedSingleUseLink() throws Exception {
        Shopper owner = new Shopper();
        String email = Accounts.signedUp(owner);
        Response asked = new Shopper().submit("/account/forgot", "/account/forgot", Map.of("email", email));
        Response unknown = new Shopper().submit("/account/forgot", "/account/forgot", Map.of("email", Accounts.newEmail()));
        assertThat(asked.statusCode()).isEqualTo(200).isEqualTo(unknown.statusCode());
        assertThat(asked.asString()).contains("If an account exists for");
        assertThat(unknown.asString()).contains("If an account exists for");

        // Sent from the outbox, shortly after the answer.
        Eventually.within(Eventually.BACKGROUND_WORK, "reset e-mail", () -> SmtpServer.messagesTo(email).size() == 1);
        List<MimeMessage> mails = SmtpServer.messagesTo(email);
        String body = (String) mails.getFirst().getContent();
        Matcher link = Pattern.compile(Pattern.quote(baseUrl + "/account/reset?token=") + "([A-Za-z0-9_-]{43})").matcher(body);
        assertThat(link.find()).isTrue();
        String token = link.group(1);
        assertThat(db.longValue("SELECT count(*) FROM account.password_reset WHERE token_hash = encode(sha256(?::bytea), 'hex')", token))
                .as("only the hash is stored").isEqualTo(1);

        Shopper resetter = new Shopper();
        assertThat(resetter.get("/account/reset?token=" + token).statusCode()).isEqualTo(200);
        Response reset = resetter.submit("/account/reset?token=" + token, "/account/reset", Map.of("token", token, "password", "a brand new secret"));
        assertThat(reset.statusCode()).isEqualTo(303);
        assertThat(owner.get("/account").statusCode()).as("existing sessions end with the reset").isEqualTo(302);
        assertThat(Accounts.signIn(new Shopper(), email, PASSWORD).statusCode()).isEqualTo(401);
        assertThat(Accounts.signIn(new Shopper(), email, "a brand new secret").statusCode()).isEqualTo(303);

        assertThat(new Shopper().get("/account/reset?token=" + token).statusCode()).as("single use").isEqualTo(400);
        Response reused = new Shopper().submit("/account/forgot", "/account/reset", Map.of("token", token, "password", "yet another secret"));
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(reused.asString()).contains("expired or was already used");
    }

    @Test
    void expiredResetLinksDoNotWork() throws Exception {
        String email = Accounts.signedUp(new Shopper());
        new Shopper().submit("/account/forgot", "/account/forgot", Map.of("email", email));
        Eventually.within(Eventually.BACKGROUND_WORK, "reset e-mail", () -> SmtpServer.messagesTo(email).size() == 1);
        String body = (String) SmtpServer.messagesTo(email).getFirst().getContent();
        Matcher link = Pattern.compile("token=([A-Za-z0-9_-]{43})").matcher(body);
        assertThat(link.find()).isTrue();
        db.update("UPDATE account.password_reset SET expires_at = now() - interval '1 minute'"
                + " WHERE customer_id = (SELECT id FROM account.customer WHERE email = ?)", email);
        assertThat(new Shopper().get("/account/reset?token=" + link.group(1)).statusCode()).isEqualTo(400);
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
