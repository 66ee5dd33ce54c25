package shop.storefront.messaging.internal;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import shop.storefront.messaging.MessageHandler;

/**
 * Stands for a mail handler whose commit is lost (the database went away after the mail was sent): it counts the
 * "send", then dooms its own transaction, so the worker sees the attempt fail after {@code handle} returned.
 */
@ApplicationScoped
public class CommitLostHandler implements MessageHandler<CountingHandler.Payload> {

    static final String TOPIC = "test-commit-lost";
    private static final Map<String, AtomicInteger> SENT = new ConcurrentHashMap<>();

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public Class<CountingHandler.Payload> payloadType() {
        return CountingHandler.Payload.class;
    }

    @Override
    public void handle(CountingHandler.Payload payload) {
        SENT.computeIfAbsent(payload.marker(), m -> new AtomicInteger()).incrementAndGet();
        QuarkusTransaction.setRollbackOnly();
    }

    @Override
    public boolean doneWhenHandled() {
        return true;
    }

    static int sent(String marker) {
        AtomicInteger count = SENT.get(marker);
        return count == null ? 0 : count.get();
    }
}
