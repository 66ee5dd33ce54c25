package shop.storefront.messaging.internal;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Which outbox messages were handled, kept in Redis for a day, outside the database. A handler's effect (an e-mail
 * sent) cannot be rolled back, but the claim that would record it can be: when the database goes away while a
 * handler runs, the row stays and is claimed again once the database is back, by this instance or another. The mark
 * lets that claim delete the row instead of handling it twice. Best effort: with Redis out of reach too, a message
 * can still be handled twice, as the outbox's at-least-once contract allows.
 */
@ApplicationScoped
class HandledMarks {

    private static final Logger LOG = Logger.getLogger(HandledMarks.class);
    private static final Duration KEPT = Duration.ofDays(1);

    private final ValueCommands<String, String> values;

    HandledMarks(RedisDataSource redis) {
        this.values = redis.value(String.class);
    }

    /** Whether the message was handled already; false when Redis cannot say. */
    boolean handled(String message) {
        try {
            return values.get(key(message)) != null;
        } catch (RuntimeException e) {
            LOG.debugf("Outbox handled-mark of %s unreadable: %s", message, e.getMessage());
            return false;
        }
    }

    void mark(String message) {
        try {
            values.setex(key(message), KEPT.toSeconds(), "1");
        } catch (RuntimeException e) {
            LOG.debugf("Outbox handled-mark of %s not kept: %s", message, e.getMessage());
        }
    }

    /** A row's id with its creation time, so that ids handed out again by a new database never match an old mark. */
    static String identity(long id, String createdMicros) {
        return id + ":" + createdMicros;
    }

    private static String key(String message) {
        return "messaging:outbox:handled:" + message;
    }
}
