package shop.storefront.checkout.internal.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import shop.storefront.checkout.OrderPlaced;
import shop.storefront.messaging.MessageHandler;
import shop.storefront.platform.StorefrontConfig;

/**
 * Sends the order confirmation for every {@link OrderPlaced} on the outbox. An order cancelled before the
 * message was handled (declined card) gets no confirmation: the shopper saw the decline on the page.
 */
@ApplicationScoped
class OrderConfirmationMail implements MessageHandler<OrderPlaced> {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirmation(OrderView order, String orderUrl);
    }

    private final Orders orders;
    private final OrderAccess access;
    private final Mailer mailer;
    private final String baseUrl;

    OrderConfirmationMail(Orders orders, OrderAccess access, Mailer mailer, StorefrontConfig config) {
        this.orders = orders;
        this.access = access;
        this.mailer = mailer;
        this.baseUrl = config.baseUrl();
    }

    @Override
    public String topic() {
        return OrderPlaced.TOPIC;
    }

    @Override
    public Class<OrderPlaced> payloadType() {
        return OrderPlaced.class;
    }

    @Override
    public void handle(OrderPlaced placed) {
        OrderView order = orders.view(placed.orderNumber())
                .orElseThrow(() -> new IllegalStateException("Order " + placed.orderNumber() + " not found"));
        if ("cancelled".equals(order.status())) {
            return;
        }
        String text = Templates.confirmation(order, baseUrl + access.guestPath(order.number())).render();
        mailer.send(Mail.withText(order.email(), "Your Storefront order " + order.number(), text));
    }
}
