package shop.storefront.checkout.internal.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import shop.storefront.checkout.internal.config.CheckoutConfig;
import shop.storefront.checkout.internal.domain.CustomerOrder;
import shop.storefront.checkout.internal.domain.OrderStatus;
import shop.storefront.checkout.internal.pricing.Quote;
import shop.storefront.platform.Refused;

/**
 * How much stock one shopper may hold without paying. An order takes its stock when placed, and a bank transfer may
 * take days to arrive, so without limits one anonymous order could reserve a SKU's whole stock for a week and sell a
 * shop out for a competitor. Each order takes at most {@code max-units-per-sku} of a SKU, and one e-mail address and
 * one client address hold at most a few open (placed, not yet paid or shipped) orders at a time.
 */
@ApplicationScoped
public class HoldingLimits {

    private final CheckoutConfig config;

    HoldingLimits(CheckoutConfig config) {
        this.config = config;
    }

    /** Refuses a basket with more of one SKU than an order may take, naming the item. */
    void checkQuantities(Quote quote) {
        int max = config.maxUnitsPerSku();
        for (Quote.Line line : quote.lines()) {
            if (line.quantity() > max) {
                String name = line.label().isEmpty() ? line.productName() : line.productName() + " (" + line.label() + ")";
                throw new Refused("quantity", "One order can take at most " + max + " of each item: reduce "
                        + name + " from " + line.quantity() + " to " + max + " in your cart.");
            }
        }
    }

    /**
     * Refuses another open order for this e-mail or client address once either holds the maximum. Runs inside the
     * placing transaction, after taking a lock per e-mail and per client, so that parallel submissions are counted
     * one after another instead of all slipping under the limit together.
     */
    void checkOpenOrders(String email, String placedFrom) {
        lock("email:" + email);
        if (CustomerOrder.count("status = ?1 and email = ?2", OrderStatus.PLACED, email) >= config.maxUnpaidOrdersPerEmail()) {
            throw new Refused("email", "There are already " + config.maxUnpaidOrdersPerEmail()
                    + " orders for this e-mail address waiting for payment or delivery. Pay for or cancel one of them first.");
        }
        if (placedFrom == null) {
            return;
        }
        lock("client:" + placedFrom);
        if (CustomerOrder.count("status = ?1 and placedFrom = ?2", OrderStatus.PLACED, placedFrom) >= config.maxUnpaidOrdersPerClient()) {
            throw new Refused("Too many orders placed from your network are waiting for payment or delivery. "
                    + "Pay for one of them first, or contact us.");
        }
    }

    /** A transaction-scoped PostgreSQL advisory lock on the key, released at commit or rollback. */
    private static void lock(String key) {
        Panache.getEntityManager().createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))) locked")
                .setParameter("key", "holding:" + key).getSingleResult();
    }
}
