package shop.storefront.checkout;

import jakarta.enterprise.context.ApplicationScoped;
import shop.storefront.messaging.MessageHandler;

/**
 * A handler that never succeeds, to watch a message go through its retries into the dead-letter table: it throws,
 * throws an {@link Error}, or outlives its transaction, as the payload says.
 */
@ApplicationScoped
public class AlwaysFailingHandler implements MessageHandler<AlwaysFailingHandler.Payload> {

    public static final String TOPIC = "test-always-fails";

    public enum Failure { EXCEPTION, ERROR, TOO_SLOW }

    public record Payload(String marker, Failure failure) {
    }

    /** How long a TOO_SLOW attempt takes: longer than the test profile's handler timeout. */
    static final long SLOW_MS = 4_500;

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
            case TOO_SLOW -> Thread.sleep(SLOW_MS);
        }
    }
}
