package shop.storefront.messaging;

import java.time.Instant;

/**
 * Publishes messages for background handling. A message is stored in the caller's transaction, so it exists
 * exactly when the change that caused it was committed; it is then handled at least once, retried with
 * back-off and dead-lettered after the configured number of attempts.
 */
public interface Outbox {

    /** Queues a message (the payload becomes JSON) for handling as soon as a worker is free. */
    void publish(String topic, Object payload);

    /** Queues a message that no worker handles before {@code notBefore} (e.g. "expire this reservation at…"). */
    void publish(String topic, Object payload, Instant notBefore);
}
