package shop.storefront.checkout.internal.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Stripe credentials, from the environment or a secrets file only (STOREFRONT_STRIPE_SECRET_KEY,
 * STOREFRONT_STRIPE_WEBHOOK_SECRET). Card payments are offered only when both are set. The API's address is
 * quarkus.rest-client.stripe.url.
 */
@ConfigMapping(prefix = "storefront.stripe")
public interface StripeConfig {

    /** The secret API key (sk_…) that creates, confirms and refunds payments; never in a file that is committed. */
    Optional<String> secretKey();

    /** The endpoint's signing secret (whsec_…), used to verify webhook signatures. */
    Optional<String> webhookSecret();

    /** A webhook whose signature timestamp is further from now than this is refused (replay protection). */
    @WithDefault("5m")
    Duration webhookTolerance();

    default boolean enabled() {
        return secretKey().filter(k -> !k.isBlank()).isPresent() && webhookSecret().filter(k -> !k.isBlank()).isPresent();
    }
}
