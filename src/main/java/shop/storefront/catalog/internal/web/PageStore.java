package shop.storefront.catalog.internal.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import shop.storefront.catalog.internal.CatalogConfig;

/**
 * The rendered catalog pages of this instance, by path and query, bounded by entries and by bytes (least recently
 * used out first). Each page carries the catalog version it was rendered at; callers use it only while that is still
 * the current one, so nothing here ever needs clearing. Entries also go after the catalog cache's TTL, so that a
 * change made behind the storefront's back (straight in the database) is seen as late as in the catalog cache.
 * Counts hits and misses as {@code storefront.catalog.pages}.
 */
@ApplicationScoped
public class PageStore {

    private final long maxBytes;
    private final int maxEntries;
    private final long ttlNanos;
    private final Map<String, Stored> pages = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;
    private final Counter hits;
    private final Counter misses;
    private final Counter unavailable;
    private final Counter stale;

    @Inject
    PageStore(CatalogConfig config, MeterRegistry metrics) {
        this(config.pageCacheSize().asLongValue(), config.pageCacheEntries(), config.cacheTtl(), metrics);
    }

    PageStore(long maxBytes, int maxEntries, Duration ttl, MeterRegistry metrics) {
        this.maxBytes = maxBytes;
        this.maxEntries = maxEntries;
        this.ttlNanos = ttl.toNanos();
        this.hits = metrics.counter("storefront.catalog.pages", "result", "hit");
        this.misses = metrics.counter("storefront.catalog.pages", "result", "miss");
        this.unavailable = metrics.counter("storefront.catalog.pages", "result", "unavailable");
        this.stale = metrics.counter("storefront.catalog.pages", "result", "last_known");
    }

    /** The key of a page: its normalised path and its query exactly as sent (another order is another page). */
    static String key(String path, String query) {
        return query == null || query.isEmpty() ? path : path + "?" + query;
    }

    /** The page stored under {@code key} if it was rendered at catalog version {@code tag}; counts a hit or a miss. */
    RenderedPage current(String key, String tag) {
        Stored stored;
        synchronized (this) {
            stored = pages.get(key);
        }
        if (stored != null && stored.page.tag().equals(tag) && System.nanoTime() - stored.storedAt < ttlNanos) {
            hits.increment();
            return stored.page;
        }
        misses.increment();
        return null;
    }

    /** The page last stored under {@code key}, whatever its version or age (for when no fresh one can be made). */
    RenderedPage lastKnown(String key) {
        Stored stored;
        synchronized (this) {
            stored = pages.get(key);
        }
        if (stored == null) {
            return null;
        }
        stale.increment();
        return stored.page;
    }

    void put(String key, RenderedPage page) {
        int weight = page.weight() + key.length() * 2;
        if (weight > maxBytes || maxEntries == 0) {
            return;
        }
        synchronized (this) {
            Stored old = pages.put(key, new Stored(page, weight, System.nanoTime()));
            bytes += weight - (old == null ? 0 : old.weight);
            Iterator<Stored> eldest = pages.values().iterator();
            while ((bytes > maxBytes || pages.size() > maxEntries) && eldest.hasNext()) {
                bytes -= eldest.next().weight;
                eldest.remove();
            }
        }
    }

    /** The catalog version could not be read (Redis unreachable): the page is rendered and not stored. */
    void countUnavailable() {
        unavailable.increment();
    }

    synchronized int size() {
        return pages.size();
    }

    synchronized long bytes() {
        return bytes;
    }

    private record Stored(RenderedPage page, int weight, long storedAt) {
    }
}
