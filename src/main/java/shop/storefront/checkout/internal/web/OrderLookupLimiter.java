package shop.storefront.checkout.internal.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.OptionalLong;
import shop.storefront.checkout.internal.config.CheckoutConfig;
import shop.storefront.checkout.internal.service.Orders;
import shop.storefront.web.AttemptLimiter;

/**
 * Guest order look-ups per minute: per client address, against guessing orders, and per order number, against
 * guessing the e-mail of a known number from many addresses. Keys: {@code ratelimit:order-lookup:ip:<address>},
 * {@code ratelimit:order-lookup:number:<number>} (well-formed numbers only).
 */
@ApplicationScoped
class OrderLookupLimiter {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final AttemptLimiter limiter;
    private final int limit;

    OrderLookupLimiter(AttemptLimiter limiter, CheckoutConfig config) {
        this.limiter = limiter;
        this.limit = config.orderLookupsPerMinute();
    }

    /** Counts one look-up; when either window is full, the seconds until it ends, else empty. */
    OptionalLong attempt(String clientAddress, String typedNumber) {
        OptionalLong wait = limiter.attempt("order-lookup:ip:" + clientAddress, limit, WINDOW);
        String number = Orders.typedNumber(typedNumber);
        if (wait.isPresent() || number == null || !number.matches(Orders.NUMBER)) {
            return wait;
        }
        return limiter.attempt("order-lookup:number:" + number, limit, WINDOW);
    }
}
