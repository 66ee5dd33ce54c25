package shop.storefront.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.messaging.Outbox;
import shop.storefront.web.Eventually;

/**
 * A handled message is marked in Redis before its row is deleted; a row whose message carries that mark (its claim
 * was lost with the database after the handler ran) is deleted without being handled again.
 */
@QuarkusTest
class HandledMarksTest {

    @Inject
    Outbox outbox;
    @Inject
    CatalogOracle db;
    @Inject
    RedisDataSource redis;

    @Test
    void aHandledMessageIsMarkedAndHandledOnce() {
        String marker = "once-" + UUID.randomUUID();
        // Due in a few seconds, so that its row can be read before a worker takes it.
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(CountingHandler.TOPIC, new CountingHandler.Payload(marker),
                Instant.now().plusSeconds(5)));
        String identity = identity(marker);

        Eventually.within(Eventually.BACKGROUND_WORK, "the message handled", () -> rows(marker) == 0);
        assertThat(CountingHandler.handled(marker)).isEqualTo(1);
        assertThat(redis.key(String.class).exists("messaging:outbox:handled:" + identity)).isTrue();
    }

    @Test
    void aMessageMarkedHandledIsDeletedWithoutHandlingItAgain() {
        String marker = "left-over-" + UUID.randomUUID();
        // Due in a few seconds, so that the mark is in place before any worker can claim it.
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(CountingHandler.TOPIC, new CountingHandler.Payload(marker),
                Instant.now().plusSeconds(5)));
        redis.value(String.class).setex("messaging:outbox:handled:" + identity(marker), 600, "1");

        Eventually.within(Eventually.BACKGROUND_WORK, "the row gone", () -> rows(marker) == 0);
        assertThat(CountingHandler.handled(marker)).isZero();
    }

    /** Without the mark taken before the commit, the failed commit would bring the message back and "send" it again. */
    @Test
    void aMessageDoneWhenHandledIsNotHandledAgainAfterItsCommitIsLost() {
        String marker = "commit-lost-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(CommitLostHandler.TOPIC, new CountingHandler.Payload(marker)));

        // The lost commit counts as a failed attempt, retried after the back-off; the retry finds the mark.
        Eventually.within(Eventually.BACKGROUND_WORK, "the row gone", () -> rows(marker) == 0);
        assertThat(CommitLostHandler.sent(marker)).isEqualTo(1);
        assertThat(db.longValue("SELECT count(*) FROM messaging.dead_letter WHERE payload->>'marker' = ?", marker)).isZero();
    }

    private long rows(String marker) {
        return db.longValue("SELECT count(*) FROM messaging.outbox WHERE payload->>'marker' = ?", marker);
    }

    private String identity(String marker) {
        return db.string("SELECT id || ':' || (extract(epoch FROM created_at) * 1000000)::bigint FROM messaging.outbox"
                + " WHERE payload->>'marker' = ?", marker);
    }
}
