package shop.storefront.cart.internal.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import shop.storefront.account.CustomerContact;
import shop.storefront.account.Customers;
import shop.storefront.cart.internal.CartConfig;
import shop.storefront.catalog.Catalog;
import shop.storefront.catalog.SkuView;
import shop.storefront.messaging.MessageHandler;
import shop.storefront.messaging.Outbox;
import shop.storefront.platform.StorefrontConfig;
import shop.storefront.web.WhileRedisDown;

/**
 * One reminder e-mail for a signed-in customer's cart left unchanged for {@code storefront.cart.reminder-after}.
 * A periodic scan on every instance claims idle carts from Redis (ZREM: one instance wins each) and queues a
 * message; the handler checks the opt-out and that the cart still holds something, then sends it.
 */
@ApplicationScoped
class AbandonedCartReminder implements MessageHandler<AbandonedCartReminder.Reminder> {

    static final String TOPIC = "abandoned-cart";

    @RegisterForReflection
    record Reminder(String customerId) {
    }

    private final CartStore store;
    private final Outbox outbox;
    private final Customers customers;
    private final Catalog catalog;
    private final Mailer mailer;
    private final StorefrontConfig config;
    private final CartConfig cart;

    AbandonedCartReminder(CartStore store, Outbox outbox, Customers customers, Catalog catalog, Mailer mailer, CartConfig cart,
            StorefrontConfig config) {
        this.store = store;
        this.outbox = outbox;
        this.customers = customers;
        this.catalog = catalog;
        this.mailer = mailer;
        this.config = config;
        this.cart = cart;
    }

    @Scheduled(identity = "abandoned-cart-scan", every = "${storefront.cart.reminder-scan-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = WhileRedisDown.class)
    void scan() {
        if (config.readOnly()) {
            return; // a browse-only instance writes no outbox messages (its database is a read-only replica)
        }
        Instant idleSince = Instant.now().minus(cart.reminderAfter());
        for (String customerId : store.idleCustomerCarts(idleSince, 500)) {
            if (store.claimIdle(customerId)) {
                QuarkusTransaction.requiringNew().run(() -> outbox.publish(TOPIC, new Reminder(customerId)));
            }
        }
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    /** A mail, and nothing written: sent is done, even if the database goes before the commit. */
    @Override
    public boolean doneWhenHandled() {
        return true;
    }

    @Override
    public Class<Reminder> payloadType() {
        return Reminder.class;
    }

    @Override
    public void handle(Reminder reminder) {
        Optional<CustomerContact> contact = customers.contact(reminder.customerId());
        if (contact.isEmpty() || !contact.get().cartReminders()) {
            return;
        }
        Map<String, CartStore.Entry> entries = store.entries(CartOwner.customerKey(reminder.customerId()));
        Map<String, SkuView> items = catalog.skus(entries.keySet());
        StringBuilder list = new StringBuilder();
        entries.forEach((sku, entry) -> {
            SkuView item = items.get(sku);
            if (item != null && item.inStock()) {
                list.append("  ").append(entry.quantity()).append(" × ").append(item.productName())
                        .append(item.label().isEmpty() ? "" : " (" + item.label() + ")").append(", ").append(item.price().display()).append('\n');
            }
        });
        if (list.isEmpty()) {
            return;
        }
        String name = contact.get().fullName().isBlank() ? "" : " " + contact.get().fullName();
        mailer.send(Mail.withText(contact.get().email(), "You left something in your cart", """
                Hello%s,

                these are still waiting in your Storefront cart:

                %s
                Your cart: %s/cart

                You get this reminder once for each cart. To stop these e-mails, untick "E-mail me about items I left
                in my cart" on %s/account.
                """.formatted(name, list, config.baseUrl(), config.baseUrl())));
    }
}
