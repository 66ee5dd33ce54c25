package shop.storefront.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.Inventory;
import shop.storefront.messaging.Outbox;
import shop.storefront.web.Eventually;
import shop.storefront.web.SmtpServer;

/**
 * A handler that never returns (a mail relay that stopped answering) is abandoned once it outlives
 * storefront.outbox.handler-timeout: the attempt counts as failed, the message is retried, and the worker goes on.
 */
@QuarkusTest
@TestProfile(HangingHandlersTest.ShortHandlerTimeout.class)
class HangingHandlersTest {

    /**
     * The hangs here last until the test ends them, so any timeout is exceeded; a short one only keeps the test short.
     * Retries wait until the test makes them due, so that it decides when the next attempt runs.
     */
    public static class ShortHandlerTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("storefront.outbox.handler-timeout", "10s", "storefront.outbox.initial-backoff", "1h");
        }
    }

    private static final Duration WAIT = Eventually.BACKGROUND_WORK;

    @Inject
    CatalogOracle db;
    @Inject
    Inventory inventory;
    @Inject
    Outbox outbox;

    @Test
    void aSendToARelayThatStoppedAnsweringIsAbandonedAndRetriedOnceItAnswers() {
        String sku = Checkouts.sku(db, inventory, 10);
        String email = "hung-relay-" + UUID.randomUUID() + "@example.com";
        SmtpServer.freeze();
        String number;
        try {
            number = Checkouts.guestOrder(sku, email, "bank-transfer");
            Eventually.within(WAIT, "the hung confirmation abandoned", () -> attempts(number) >= 1);
            assertThat(db.string("SELECT last_error FROM messaging.outbox WHERE topic = ? AND payload->>'orderNumber' = ?",
                    OrderPlaced.TOPIC, number)).contains("longer than storefront.outbox.handler-timeout");
            assertThat(SmtpServer.messagesTo(email)).isEmpty();
        } finally {
            SmtpServer.thaw();
        }
        Eventually.within(WAIT, "the confirmation sent on retry", () -> {
            retryNow(OrderPlaced.TOPIC, "orderNumber", number);
            return !SmtpServer.messagesTo(email).isEmpty() && db.longValue(
                    "SELECT count(*) FROM messaging.outbox WHERE topic = ? AND payload->>'orderNumber' = ?", OrderPlaced.TOPIC, number) == 0;
        });
        assertThat(SmtpServer.subjects(email)).as("the abandoned attempt delivered nothing").containsExactly("Your Storefront order " + number);
        assertThat(db.longValue("SELECT count(*) FROM messaging.dead_letter WHERE payload->>'orderNumber' = ?", number)).isZero();
    }

    @Test
    void aHandlerThatHangsEveryTimeIsInterruptedEachTimeAndEndsInTheDeadLetterTable() {
        String marker = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(AlwaysFailingHandler.TOPIC,
                new AlwaysFailingHandler.Payload(marker, AlwaysFailingHandler.Failure.HANGS)));
        Eventually.within(WAIT, "dead-lettered", () -> {
            retryNow(AlwaysFailingHandler.TOPIC, "marker", marker);
            return db.longValue("SELECT count(*) FROM messaging.dead_letter WHERE payload->>'marker' = ?", marker) == 1;
        });
        assertThat(db.longValue("SELECT attempts FROM messaging.dead_letter WHERE payload->>'marker' = ?", marker)).isEqualTo(3);
        assertThat(db.string("SELECT last_error FROM messaging.dead_letter WHERE payload->>'marker' = ?", marker))
                .contains("longer than storefront.outbox.handler-timeout");
        Eventually.within(WAIT, "every hanging attempt released", () -> AlwaysFailingHandler.interruptions(marker) == 3);
    }

    /** Makes a retry of the message due now instead of after the back-off. */
    private void retryNow(String topic, String field, String value) {
        db.update("UPDATE messaging.outbox SET available_at = now() WHERE topic = ? AND payload->>? = ? AND available_at > now()",
                topic, field, value);
    }

    private long attempts(String orderNumber) {
        return db.longValue("SELECT coalesce(max(attempts), 0) FROM messaging.outbox WHERE topic = ? AND payload->>'orderNumber' = ?",
                OrderPlaced.TOPIC, orderNumber);
    }
}
