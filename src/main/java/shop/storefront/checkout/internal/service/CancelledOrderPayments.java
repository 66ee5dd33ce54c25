package shop.storefront.checkout.internal.service;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import shop.storefront.checkout.internal.payment.PaymentMethods;
import shop.storefront.messaging.MessageHandler;
import shop.storefront.platform.Money;

/**
 * Settles the payment of a cancelled card order with its provider: an open payment is voided, one that went through
 * after all is refunded and the order marked refunded. Runs after every cancellation of a card order and when a
 * payment confirmation arrives for a cancelled order; repeats are harmless because a refunded order is no longer
 * cancelled and the provider calls are idempotent.
 */
@ApplicationScoped
class CancelledOrderPayments implements MessageHandler<CancelledOrderPayments.Settle> {

    static final String TOPIC = "cancelled-order-payment";
    private static final Logger LOG = Logger.getLogger(CancelledOrderPayments.class);

    @RegisterForReflection
    record Settle(String orderNumber) {
    }

    /** A cancelled order's payment as the provider knows it. */
    record Held(String paymentMethod, String paymentReference, Money amount) {
    }

    private final Orders orders;
    private final PaymentMethods payments;

    CancelledOrderPayments(Orders orders, PaymentMethods payments) {
        this.orders = orders;
        this.payments = payments;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public Class<Settle> payloadType() {
        return Settle.class;
    }

    @Override
    public void handle(Settle settle) {
        String number = settle.orderNumber();
        orders.heldByCancelled(number).ifPresent(held -> payments.find(held.paymentMethod()).ifPresentOrElse(provider -> {
            if (provider.settleCancelled(number, held.paymentReference(), held.amount())) {
                orders.refundedAfterCancellation(number, held.amount());
                LOG.infof("Order %s: payment received after cancellation was refunded", number);
            }
        }, () -> LOG.errorf("Order %s was cancelled but payment method %s is no longer offered; settle its payment by hand",
                number, held.paymentMethod())));
    }
}
