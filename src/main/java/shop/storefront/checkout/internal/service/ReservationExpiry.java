package shop.storefront.checkout.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import shop.storefront.messaging.MessageHandler;

/**
 * When an order's payment window closes (the message was queued for that moment when it was placed), an order
 * still unpaid is cancelled and its stock goes back on sale. Paid, shipped or already cancelled orders are left alone.
 */
@ApplicationScoped
class ReservationExpiry implements MessageHandler<OrderPlacement.ReservationExpiry> {

    private static final Logger LOG = Logger.getLogger(ReservationExpiry.class);
    private final Orders orders;

    ReservationExpiry(Orders orders) {
        this.orders = orders;
    }

    @Override
    public String topic() {
        return OrderPlacement.RESERVATION_EXPIRY;
    }

    @Override
    public Class<OrderPlacement.ReservationExpiry> payloadType() {
        return OrderPlacement.ReservationExpiry.class;
    }

    @Override
    public void handle(OrderPlacement.ReservationExpiry expiry) {
        if (orders.cancelUnpaid(expiry.orderNumber(), "Payment not received in time; the items went back on sale")) {
            LOG.infof("Order %s cancelled: unpaid when its payment window closed", expiry.orderNumber());
        }
    }
}
