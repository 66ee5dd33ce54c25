package shop.storefront.catalog.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import shop.storefront.catalog.internal.CatalogConfig;
import shop.storefront.platform.TemporarilyUnavailable;

/**
 * Catalog reads that go to the database because the cache cannot be reached, at most
 * {@code storefront.catalog.max-uncached-reads} at once: a reader finding no room is refused at once, not queued, so
 * a surge while Redis is down turns into quick "busy" answers instead of a flattened database.
 */
@ApplicationScoped
class UncachedReads {

    private static final long RETRY_AFTER_SECONDS = 2;

    private final Semaphore room;

    UncachedReads(CatalogConfig config) {
        this.room = new Semaphore(config.maxUncachedReads());
    }

    <T> T read(Supplier<T> loader) {
        if (!room.tryAcquire()) {
            throw new TemporarilyUnavailable("The shop is very busy right now. Please try again in a moment.",
                    RETRY_AFTER_SECONDS);
        }
        try {
            return loader.get();
        } finally {
            room.release();
        }
    }
}
