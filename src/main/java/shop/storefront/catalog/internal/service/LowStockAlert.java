package shop.storefront.catalog.internal.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;
import shop.storefront.catalog.internal.CatalogConfig;
import shop.storefront.messaging.MessageHandler;
import shop.storefront.platform.EmailAddress;
import shop.storefront.platform.StorefrontConfig;

/** Tells the merchandising team that a SKU is running out (e-mail when an address is configured, always a log line). */
@ApplicationScoped
class LowStockAlert implements MessageHandler<LowStockAlert.LowStock> {

    static final String TOPIC = "low-stock";
    private static final Logger LOG = Logger.getLogger(LowStockAlert.class);

    @RegisterForReflection
    record LowStock(String sku, String productSlug, int left) {
    }

    private final Mailer mailer;
    private final Optional<EmailAddress> recipient;
    private final String baseUrl;

    LowStockAlert(Mailer mailer, CatalogConfig catalog, StorefrontConfig config) {
        this.mailer = mailer;
        this.recipient = catalog.lowStockAlertTo();
        this.baseUrl = config.baseUrl();
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
    public Class<LowStock> payloadType() {
        return LowStock.class;
    }

    @Override
    public void handle(LowStock low) {
        LOG.warnf("Low stock: %s (%s) has %d left", low.sku(), low.productSlug(), low.left());
        recipient.ifPresent(to -> mailer.send(Mail.withText(to.value(), "Low stock: " + low.sku() + " has " + low.left() + " left",
                "SKU %s of %s/product/%s has %d units left. Restock it before it sells out.%n"
                        .formatted(low.sku(), baseUrl, low.productSlug(), low.left()))));
    }
}
