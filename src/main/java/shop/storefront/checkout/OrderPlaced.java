package shop.storefront.checkout;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import shop.storefront.platform.Money;

/**
 * An order was placed (fired as a CDI event after commit, and queued on the outbox as topics {@value #TOPIC} and
 * {@value #BASKET_TOPIC} in the same transaction as the order). The basket's keeper handles {@value #BASKET_TOPIC},
 * so the ordered units leave the basket even when its step after commit failed; the outbox allows one handler
 * per topic, hence two. {@code basketId} is the basket it was placed from;
 * {@code customerId} is the customer's public id, or null for a guest. Registered for reflection: the outbox writes
 * and reads it as JSON with a plain ObjectMapper, also in a native executable.
 */
@RegisterForReflection
public record OrderPlaced(String orderNumber, String basketId, String customerId, String email, List<Line> lines,
        Money total, Instant placedAt) {

    public static final String TOPIC = "order-placed";
    public static final String BASKET_TOPIC = "order-placed-basket";

    @RegisterForReflection
    public record Line(String sku, int quantity) {
    }
}
