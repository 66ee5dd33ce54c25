package shop.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.web.Eventually;
import shop.storefront.web.Shopper;
import shop.storefront.web.SmtpServer;

/** A password reset ends every session of the account, however long they were used, and every other reset link. */
@QuarkusTest
@QuarkusTestResource(SmtpServer.class)
class PasswordResetEndsEverythingTest {

    private static final Duration MAIL_WAIT = Eventually.BACKGROUND_WORK;
    private static final Pattern TOKEN = Pattern.compile("/account/reset\\?token=([A-Za-z0-9_-]{43})");

    @Inject
    CatalogOracle db;
    @Inject
    RedisDataSource redis;

    @BeforeEach
    void freshRateLimits() {
        Accounts.resetRateLimits(redis);
    }

    @Test
    void theSessionListLivesAsLongAsTheSessionsThatKeepSliding() {
        Shopper phone = new Shopper();
        String email = Accounts.signedUp(phone);
        Shopper laptop = new Shopper();
        assertThat(Accounts.signIn(laptop, email, Accounts.PASSWORD).statusCode()).isEqualTo(303);
        String index = "sessions:customer:" + db.string("SELECT public_id::text FROM account.customer WHERE email = ?", email);
        assertThat(redis.set(String.class).smembers(index)).hasSize(2);

        // Days of use later, the list (set at the last sign-in) would run out long before the sessions (renewed at every
        // visit); make it that old at once.
        redis.key().expire(index, Duration.ofSeconds(30));
        assertThat(laptop.get("/account").statusCode()).isEqualTo(200);
        long indexTtl = redis.key().ttl(index);
        long sessionTtl = redis.key().ttl("session:" + sessionId(laptop));
        assertThat(sessionTtl).as("the session slid").isGreaterThan(Duration.ofMinutes(1).toSeconds());
        assertThat(indexTtl).as("the list slid with it").isGreaterThanOrEqualTo(sessionTtl);

        resetPassword(email, "a completely new secret");
        assertThat(phone.get("/account").statusCode()).as("phone signed out").isEqualTo(302);
        assertThat(laptop.get("/account").statusCode()).as("laptop signed out").isEqualTo(302);
        assertThat(redis.key().exists(index)).isFalse();
    }

    @Test
    void signingInAgainForgetsSessionsThatHaveEnded() {
        Shopper first = new Shopper();
        String email = Accounts.signedUp(first);
        String index = "sessions:customer:" + db.string("SELECT public_id::text FROM account.customer WHERE email = ?", email);
        String ended = sessionId(first);
        redis.key().del("session:" + ended);
        Shopper second = new Shopper();
        assertThat(Accounts.signIn(second, email, Accounts.PASSWORD).statusCode()).isEqualTo(303);
        assertThat(redis.set(String.class).smembers(index)).containsExactly(sessionId(second));
    }

    @Test
    void usingOneResetLinkUsesUpTheOthers() {
        String email = Accounts.signedUp(new Shopper());
        askForReset(email);
        askForReset(email);
        Eventually.within(MAIL_WAIT, "two reset e-mails", () -> SmtpServer.messagesTo(email).size() == 2);
        List<String> tokens = SmtpServer.messagesTo(email).stream().map(m -> token(SmtpServer.body(m))).toList();
        assertThat(tokens).doesNotHaveDuplicates();
        Accounts.awaitStoredResets(db, email, 2);
        assertThat(new Shopper().get("/account/reset?token=" + tokens.get(0)).statusCode()).isEqualTo(200);

        Shopper resetter = new Shopper();
        Response reset = resetter.submit("/account/reset?token=" + tokens.get(1), "/account/reset",
                Map.of("token", tokens.get(1), "password", "a completely new secret"));
        assertThat(reset.statusCode()).isEqualTo(303);

        assertThat(new Shopper().get("/account/reset?token=" + tokens.get(0)).statusCode()).isEqualTo(400);
        Response other = new Shopper().submit("/account/forgot", "/account/reset",
                Map.of("token", tokens.get(0), "password", "an attacker's choice"));
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(other.asString()).contains("expired or was already used");
        assertThat(Accounts.signIn(new Shopper(), email, "a completely new secret").statusCode()).isEqualTo(303);
        assertThat(db.longValue("SELECT count(*) FROM account.password_reset WHERE used_at IS NULL"
                + " AND customer_id = (SELECT id FROM account.customer WHERE email = ?)", email)).isZero();
    }

    @Test
    void aResetToACommonPasswordIsRefusedAndKeepsTheLink() {
        String email = Accounts.signedUp(new Shopper());
        askForReset(email);
        Eventually.within(MAIL_WAIT, "reset e-mail", () -> SmtpServer.messagesTo(email).size() == 1);
        String token = token(SmtpServer.body(SmtpServer.messagesTo(email).getFirst()));
        Response refused = new Shopper().submit("/account/reset?token=" + token, "/account/reset",
                Map.of("token", token, "password", "Starwars"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("one of the most commonly used");
        assertThat(new Shopper().get("/account/reset?token=" + token).statusCode()).as("still usable").isEqualTo(200);
    }

    private void resetPassword(String email, String newPassword) {
        askForReset(email);
        Eventually.within(MAIL_WAIT, "reset e-mail", () -> SmtpServer.messagesTo(email).size() == 1);
        String token = token(SmtpServer.body(SmtpServer.messagesTo(email).getFirst()));
        Response reset = new Shopper().submit("/account/reset?token=" + token, "/account/reset",
                Map.of("token", token, "password", newPassword));
        assertThat(reset.statusCode()).isEqualTo(303);
    }

    private static void askForReset(String email) {
        assertThat(new Shopper().submit("/account/forgot", "/account/forgot", Map.of("email", email)).statusCode()).isEqualTo(200);
    }

    private static String token(String mailBody) {
        Matcher link = TOKEN.matcher(mailBody);
        assertThat(link.find()).as("a reset link in the e-mail").isTrue();
        return link.group(1);
    }

    /** The session id inside the browser's signed session cookie. */
    private static String sessionId(Shopper shopper) {
        String signed = shopper.cookie("__Host-session");
        return signed.substring(0, signed.lastIndexOf('.'));
    }
}
