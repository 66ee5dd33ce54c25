package shop.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.storefront.account.Accounts.PASSWORD;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.web.Eventually;
import shop.storefront.web.Shopper;
import shop.storefront.web.SmtpServer;

/** Password reset by an e-mailed single-use link, sent through the outbox to a real SMTP server; only its hash is stored. */
@QuarkusTest
@QuarkusTestResource(SmtpServer.class)
class PasswordResetLinkTest {

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
        Accounts.awaitStoredResets(db, email, 1);
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
        Accounts.awaitStoredResets(db, email, 1);
        db.update("UPDATE account.password_reset SET expires_at = now() - interval '1 minute'"
                + " WHERE customer_id = (SELECT id FROM account.customer WHERE email = ?)", email);
        assertThat(new Shopper().get("/account/reset?token=" + link.group(1)).statusCode()).isEqualTo(400);
    }
}
