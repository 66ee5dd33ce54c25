package shop.storefront.catalog.internal.seed;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;
import shop.storefront.catalog.internal.DemoCatalogConfig;
import shop.storefront.catalog.internal.domain.Product;
import shop.storefront.catalog.internal.images.CheckedImage;
import shop.storefront.catalog.internal.images.ProductImages;
import shop.storefront.catalog.internal.service.CatalogCache;

/**
 * Seeds the demo catalog at start-up when enabled (dev and test profiles; for benchmarks on a packaged
 * build through STOREFRONT_DEMO_CATALOG_ENABLED). An existing catalog is kept unless the seeder is told
 * to replace it, so dev data survives restarts. Its pictures go through the same checks, storage and background
 * thumbnails as uploads: one picture per product kind and colour, stored once under its content hash.
 */
@ApplicationScoped
public class DemoCatalogSeeder {

    private static final Logger LOG = Logger.getLogger(DemoCatalogSeeder.class);
    /** Fixed so that every developer, test run and benchmark sees the same catalog. */
    public static final long SEED = 20261122L;
    private static final int PARALLEL_PICTURES = 4;
    // (Product.count() is called through a lambda: a method reference would bind to the un-enhanced base class.)

    void onStart(@Observes StartupEvent start, CatalogBulkLoader loader, CatalogCache cache, DemoCatalogConfig demo,
            ProductImages images) throws Exception {
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
        // Drawn, checked and stored side by side: mostly waiting for S3, so a few at once use both cores.
        Map<DemoCatalog.Picture, CheckedImage> stored = new HashMap<>();
        try (ExecutorService workers = Executors.newFixedThreadPool(PARALLEL_PICTURES)) {
            List<DemoCatalog.Picture> drawn = demo.pictures() ? DemoCatalog.pictures() : List.of();
            Map<DemoCatalog.Picture, Future<CheckedImage>> storing = new HashMap<>();
            drawn.forEach(picture -> storing.put(picture,
                    workers.submit(() -> images.store(ProductImages.FILE, DemoPictures.jpeg(picture)))));
            for (Map.Entry<DemoCatalog.Picture, Future<CheckedImage>> picture : storing.entrySet()) {
                stored.put(picture.getKey(), picture.getValue().get());
            }
        }
        long picturesStored = System.nanoTime();
        CatalogBulkLoader.Loaded loaded = loader.replaceCatalog(new DemoCatalog(SEED, now), products, stored::get);
        Collection<CheckedImage> pictures = stored.values();
        QuarkusTransaction.requiringNew().run(() -> pictures.forEach(p ->
                images.queueThumbnails(p.contentHash(), p.format(), p.width(), p.height())));
        cache.invalidateAll();
        LOG.infof("Seeded demo catalog: %d products, %d SKUs in %d ms, of which %d ms for drawing, checking and storing"
                + " %d pictures (thumbnails follow in the background)", loaded.products(), loaded.variants(),
                (System.nanoTime() - started) / 1_000_000, (picturesStored - started) / 1_000_000, pictures.size());
    }
}
