package shop.storefront.checkout;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import shop.storefront.messaging.MessageHandler;

/**
 * A handler that never succeeds, to watch a message go through its retries into the dead-letter table: it throws,
 * throws an {@link Error}, or hangs until it is interrupted, as the payload says.
 */
@ApplicationScoped
public class AlwaysFailingHandler implements MessageHandler<AlwaysFailingHandler.Payload> {

    public static final String TOPIC = "test-always-fails";

    public enum Failure { EXCEPTION, ERROR, HANGS }

    public record Payload(String marker, Failure failure) {
    }

    /** Far beyond any handler timeout, yet bounded, so that a worker that fails to abandon it cannot hang the run. */
    private static final Duration HANG = Duration.ofMinutes(10);
    private static final Map<String, AtomicInteger> INTERRUPTED = new ConcurrentHashMap<>();

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public Class<Payload> payloadType() {
        return Payload.class;
    }

    @Override
    public void handle(Payload payload) throws InterruptedException {
        switch (payload.failure()) {
            case EXCEPTION -> throw new IllegalStateException("downstream system unavailable");
            case ERROR -> throw new NoClassDefFoundError("com/example/MissingFromTheImage");
            case HANGS -> {
                try {
                    Thread.sleep(HANG);
                } catch (InterruptedException e) {
                    INTERRUPTED.computeIfAbsent(payload.marker(), m -> new AtomicInteger()).incrementAndGet();
                    throw e;
                }
            }
        }
    }

    /** How many hanging attempts for this marker were interrupted, i.e. released by the worker. */
    static int interruptions(String marker) {
        AtomicInteger count = INTERRUPTED.get(marker);
        return count == null ? 0 : count.get();
    }
}
