package shop.storefront.checkout;

import jakarta.enterprise.context.ApplicationScoped;
import shop.storefront.messaging.MessageHandler;

/** A handler that never succeeds, to watch a message go through its retries into the dead-letter table. */
@ApplicationScoped
public class AlwaysFailingHandler implements MessageHandler<AlwaysFailingHandler.Payload> {

    public static final String TOPIC = "test-always-fails";

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
        throw new IllegalStateException("downstream system unavailable");
    }
}
