package shop.storefront.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/** Storefront-wide settings; SmallRye validates them at start-up and names any bad one. */
@ConfigMapping(prefix = "storefront")
public interface StorefrontConfig {

    /** Public origin shoppers see, e.g. https://shop.example.com (canonical links, sitemap). */
    @Pattern(regexp = "https?://[^/\\s]+", message = "must be an origin such as https://shop.example.com, without a path or trailing slash")
    String baseUrl();

    /** ISO 4217 code of the store's currency. */
    @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
    @WithDefault("EUR")
    String currency();

    Catalog catalog();

    interface Catalog {
        @Min(1) @Max(200)
        @WithDefault("24")
        int pageSize();

        @Min(1) @Max(500)
        @WithDefault("96")
        int maxPageSize();
    }
}
