package shop.storefront.messaging.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import shop.storefront.messaging.MessageHandler;

/** Counts how often each marker was handled, to see a message handled once, or not at all. */
@ApplicationScoped
public class CountingHandler implements MessageHandler<CountingHandler.Payload> {

    static final String TOPIC = "test-counted";
    private static final Map<String, AtomicInteger> HANDLED = new ConcurrentHashMap<>();

    public record Payload(String marker) {
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public Class<Payload> payloadType() {
        return Payload.class;
    }

    @Override
    public void handle(Payload payload) {
        HANDLED.computeIfAbsent(payload.marker(), m -> new AtomicInteger()).incrementAndGet();
    }

    static int handled(String marker) {
        AtomicInteger count = HANDLED.get(marker);
        return count == null ? 0 : count.get();
    }
}
