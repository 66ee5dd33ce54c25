package shop.storefront.catalog.internal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The generated demo catalog for development, tests and load tests. */
@ConfigMapping(prefix = "storefront.demo-catalog")
public interface DemoCatalogConfig {

    /**
     * Generate a demo catalog at start-up when the catalog is empty (always afresh in tests). Off by default so a
     * production catalog never gets demo products; the dev and test profiles switch it on.
     */
    @WithDefault("false")
    boolean enabled();

    /** How many products to generate. 520 fill every category with several listing pages, yet seed in seconds. */
    @Min(1) @Max(2_000_000)
    @WithDefault("520")
    int products();

    /** Replace an existing catalog instead of keeping it. Off, so a restart never throws away a catalog. */
    @WithDefault("false")
    boolean replace();

    /**
     * Give the demo products pictures, drawn and stored in the images bucket like uploads (dev and test switch it
     * on). Off by default: a packaged build seeding a benchmark catalog, or the AMI test, must not need S3 at start-up.
     */
    @WithDefault("false")
    boolean pictures();
}
