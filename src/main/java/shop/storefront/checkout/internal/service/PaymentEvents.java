package shop.storefront.checkout.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import shop.storefront.checkout.internal.domain.CustomerOrder;

/**
 * Applies payment provider events (webhooks) exactly once: the event id is recorded in the same transaction as
 * the status change, so a duplicate delivery finds it and changes nothing.
 */
@ApplicationScoped
public class PaymentEvents {

    private static final Logger LOG = Logger.getLogger(PaymentEvents.class);
    private final EntityManager em;
    private final Orders orders;

    PaymentEvents(EntityManager em, Orders orders) {
        this.em = em;
        this.orders = orders;
    }

    public enum Kind { SUCCEEDED, FAILED, OTHER }

    /** Returns false for a duplicate (already applied) event. Unknown orders are recorded and ignored. */
    @Transactional
    public boolean apply(String eventId, String type, Kind kind, String orderNumber, String paymentReference, String reason) {
        Long orderId = orderNumber == null ? null : CustomerOrder.findByNumber(orderNumber).map(o -> o.id).orElse(null);
        int fresh = em.createNativeQuery("""
                INSERT INTO orders.payment_event (event_id, order_id, type) VALUES (:id, :order, :type)
                ON CONFLICT (event_id) DO NOTHING""")
                .setParameter("id", eventId).setParameter("order", orderId).setParameter("type", type).executeUpdate();
        if (fresh == 0) {
            return false;
        }
        if (orderId == null) {
            LOG.warnf("Payment event %s (%s) names no known order (%s); ignored", eventId, type, orderNumber);
            return true;
        }
        switch (kind) {
            case SUCCEEDED -> orders.markPaid(orderNumber, paymentReference, "Payment confirmed by the card processor");
            case FAILED -> orders.cancelUnpaid(orderNumber, "Payment failed: " + reason);
            case OTHER -> { }
        }
        return true;
    }
}
