package shop.storefront.checkout.internal.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import shop.storefront.checkout.OrderPlaced;
import shop.storefront.checkout.internal.domain.OrderStatus;
import shop.storefront.checkout.internal.payment.PaymentMethods;
import shop.storefront.messaging.MessageHandler;
import shop.storefront.platform.StorefrontConfig;

/**
 * Sends the order confirmation: for every {@link OrderPlaced} on the outbox, except card orders, which are
 * confirmed once their payment went through ({@link #CARD_PAID}, queued by {@link Orders#markPaid}). So a declined
 * card, or a 3-D Secure check the shopper abandons, never gets a confirmation. An order cancelled before its
 * message was handled gets none either.
 */
@ApplicationScoped
class OrderConfirmationMail implements MessageHandler<OrderPlaced> {

    static final String CARD_PAID = "card-order-paid";

    @RegisterForReflection
    record CardPaid(String orderNumber) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirmation(OrderView order, String orderUrl);
    }

    private final Orders orders;
    private final OrderAccess access;
    private final PaymentMethods payments;
    private final Mailer mailer;
    private final String baseUrl;

    OrderConfirmationMail(Orders orders, OrderAccess access, PaymentMethods payments, Mailer mailer, StorefrontConfig config) {
        this.orders = orders;
        this.access = access;
        this.payments = payments;
        this.mailer = mailer;
        this.baseUrl = config.baseUrl();
    }

    @Override
    public String topic() {
        return OrderPlaced.TOPIC;
    }

    /** A mail, and nothing written: sent is done, even if the database goes before the commit. */
    @Override
    public boolean doneWhenHandled() {
        return true;
    }

    @Override
    public Class<OrderPlaced> payloadType() {
        return OrderPlaced.class;
    }

    @Override
    public void handle(OrderPlaced placed) {
        if (!payments.isCard(orders.paymentMethodOf(placed.orderNumber()))) {
            send(find(placed.orderNumber()));
        }
    }

    void send(OrderView order) {
        if (order.orderStatus() == OrderStatus.CANCELLED) {
            return;
        }
        String text = Templates.confirmation(order, baseUrl + access.guestPath(order.number())).render();
        mailer.send(Mail.withText(order.email(), "Your Storefront order " + order.number(), text));
    }

    OrderView find(String number) {
        return orders.view(number).orElseThrow(() -> new IllegalStateException("Order " + number + " not found"));
    }

    /** Confirms a card order when its payment went through (at checkout, by webhook, or on a repeated checkout). */
    @ApplicationScoped
    static class WhenCardPaid implements MessageHandler<CardPaid> {

        private final OrderConfirmationMail mail;

        WhenCardPaid(OrderConfirmationMail mail) {
            this.mail = mail;
        }

        @Override
        public String topic() {
            return CARD_PAID;
        }

        /** A mail, and nothing written: sent is done, even if the database goes before the commit. */
        @Override
        public boolean doneWhenHandled() {
            return true;
        }

        @Override
        public Class<CardPaid> payloadType() {
            return CardPaid.class;
        }

        @Override
        public void handle(CardPaid paid) {
            mail.send(mail.find(paid.orderNumber()));
        }
    }
}
