package shop.storefront.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * Settings every module shares: where the store is, what it sells in, where it delivers and whether it sells at all. Each module keeps its own
 * settings in its own mapping ({@code <module>.internal.*Config}); SmallRye validates them all at start-up and names
 * any missing or bad one.
 */
@ConfigMapping(prefix = "storefront")
public interface StorefrontConfig {

    /**
     * Public origin shoppers see, e.g. https://shop.example.com (canonical links, sitemap, links in e-mails). No default
     * in production: a wrong origin would send shoppers elsewhere.
     */
    @Pattern(regexp = "https?://[^/\\s]+", message = "must be an origin such as https://shop.example.com, without a path or trailing slash")
    String baseUrl();

    /** ISO 4217 code of the store's currency; every price, cart and order is in it. EUR, the demo catalog's. */
    @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
    @WithDefault("EUR")
    String currency();

    /**
     * Countries the store delivers to (ISO 3166-1 alpha-2), for address forms and checkout. The default is the
     * countries the checkout has VAT rates and shipping prices for.
     */
    @WithDefault("AT,BE,DE,DK,ES,FI,FR,GB,IE,IT,LU,NL,NO,PL,PT,SE")
    List<@Pattern(regexp = "[A-Z]{2}", message = "must be ISO 3166-1 alpha-2 codes such as DE") String> countries();

    /**
     * Browse-only: the catalog is shown, but nothing is written (no carts, orders, accounts or back-office changes, no
     * outbox work), for a standby region whose database is a read-only cross-region replica (STOREFRONT_READ_ONLY).
     * Off by default: the primary region sells.
     */
    @WithDefault("false")
    boolean readOnly();
}
