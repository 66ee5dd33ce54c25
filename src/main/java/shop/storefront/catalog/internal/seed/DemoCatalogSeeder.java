package shop.storefront.catalog.internal.seed;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;
import shop.storefront.catalog.internal.DemoCatalogConfig;
import shop.storefront.catalog.internal.domain.Product;
import shop.storefront.catalog.internal.service.CatalogCache;

/**
 * Seeds the demo catalog at start-up when enabled (dev and test profiles; for benchmarks on a packaged
 * build through STOREFRONT_DEMO_CATALOG_ENABLED). An existing catalog is kept unless the seeder is told
 * to replace it, so dev data survives restarts.
 */
@ApplicationScoped
public class DemoCatalogSeeder {

    private static final Logger LOG = Logger.getLogger(DemoCatalogSeeder.class);
    /** Fixed so that every developer, test run and benchmark sees the same catalog. */
    public static final long SEED = 20261122L;
    // (Product.count() is called through a lambda: a method reference would bind to the un-enhanced base class.)

    void onStart(@Observes StartupEvent start, CatalogBulkLoader loader, CatalogCache cache, DemoCatalogConfig demo)
            throws Exception {
        if (!demo.enabled()) {
            return;
        }
        int products = demo.products();
        boolean fresh = demo.replace() || LaunchMode.current() == LaunchMode.TEST;
        if (!fresh && QuarkusTransaction.requiringNew().call(() -> Product.count()) > 0) {
            LOG.infof("Catalog already has products; demo seeding skipped (set storefront.demo-catalog.replace=true to reload)");
            return;
        }
        long started = System.nanoTime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        CatalogBulkLoader.Loaded loaded = loader.replaceCatalog(new DemoCatalog(SEED, now), products);
        cache.invalidateAll();
        LOG.infof("Seeded demo catalog: %d products, %d SKUs in %d ms", loaded.products(), loaded.variants(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
