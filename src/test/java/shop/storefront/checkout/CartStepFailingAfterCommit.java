package shop.storefront.checkout;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Stands in for Redis timing out right after an order commits: for orders to an address starting with
 * {@value #EMAIL_PREFIX} it throws before any other observer of {@link OrderPlaced} runs, so the cart's own step
 * after commit never happens for them.
 */
@ApplicationScoped
public class CartStepFailingAfterCommit {

    public static final String EMAIL_PREFIX = "redis-timeout-";

    void failFirst(@Observes @Priority(1) OrderPlaced placed) {
        if (placed.email().startsWith(EMAIL_PREFIX)) {
            throw new IllegalStateException("Redis command timed out (stand-in)");
        }
    }
}
