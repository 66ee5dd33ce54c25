package shop.storefront.checkout.internal.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.storefront.checkout.internal.config.CheckoutConfig;

/** The payment methods this store offers, in display order: card first (when configured), then the offline ones. */
@ApplicationScoped
public class PaymentMethods {

    private final Map<String, PaymentProvider> offered = new LinkedHashMap<>();

    PaymentMethods(@Any Instance<PaymentProvider> providers, CheckoutConfig config, StripePayments card) {
        if (card.available()) {
            offered.put(card.id(), card);
        }
        for (String id : config.offlinePaymentMethods()) {
            providers.stream().filter(p -> p.id().equals(id)).findFirst().ifPresent(p -> offered.put(id, p));
        }
    }

    public List<PaymentProvider> offered() {
        return List.copyOf(offered.values());
    }

    public Optional<PaymentProvider> find(String id) {
        return Optional.ofNullable(id == null ? null : offered.get(id));
    }

    /** Whether the method is a card payment (collected online with a token): confirmed by the provider, settled on cancel. */
    public boolean isCard(String id) {
        return find(id).map(PaymentProvider::needsPaymentToken).orElse(false);
    }
}
