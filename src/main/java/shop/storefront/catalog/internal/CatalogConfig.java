package shop.storefront.catalog.internal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.quarkus.runtime.configuration.MemorySize;
import java.time.Duration;
import java.util.Optional;
import shop.storefront.platform.EmailAddress;

/** How the catalog lists, caches and watches its products; SmallRye validates each key at start-up and names a bad one. */
@ConfigMapping(prefix = "storefront.catalog")
public interface CatalogConfig {

    /**
     * Products on a listing page when the shopper does not ask for a size. 24 fills whole rows of two, three, four
     * and six columns.
     */
    @Min(1) @Max(200)
    @WithDefault("24")
    int pageSize();

    /**
     * Most products one listing page may ask for ({@code per_page}): four default pages. A bound keeps one request
     * from asking for the whole catalog at once.
     */
    @Min(1) @Max(500)
    @WithDefault("96")
    int maxPageSize();

    /**
     * How long a cached catalog read may live. Changes made through the storefront refresh their entries at once,
     * so this only bounds how long a change made directly in the database stays unseen: 10 minutes.
     */
    @WithDefault("10m")
    Duration cacheTtl();

    /**
     * A sale that leaves a SKU at or below this many units sends a low-stock alert (units, 0 for "sold out only").
     * 5 leaves time to restock the typical SKU before it sells out.
     */
    @Min(0)
    @WithDefault("5")
    int lowStockThreshold();

    /**
     * Who gets low-stock alerts; without it the alert is only a log line, because there is no sensible default
     * recipient. A malformed address stops start-up.
     */
    Optional<EmailAddress> lowStockAlertTo();

    /**
     * How long units taken at the stock gate wait for their order to commit or roll back before they are given back
     * (the instance holding them may have stopped). Giving back too early is safe, since the database still refuses
     * what it cannot cover; one minute is far beyond an order's transaction.
     */
    @WithDefault("1m")
    Duration stockClaimExpiry();

    /**
     * Most bytes the rendered catalog pages kept in each instance's memory may take (both copies of each page, plain
     * and gzip-compressed); the least recently used pages go first. They live in the heap (256 MiB in production,
     * about 50 MiB of it live otherwise, more under a surge), so 32 MiB: some hundreds of pages, the category, product
     * and popular search pages that make most of the traffic. Raise it together with the heap for a bigger catalog.
     */
    @WithDefault("32M")
    MemorySize pageCacheSize();

    /**
     * Most rendered catalog pages kept in memory, whatever their size: searches for ever new words must not fill the
     * memory with small pages either.
     */
    @Min(0)
    @WithDefault("10000")
    int pageCacheEntries();

    /**
     * How long the stock gate answers from its counters alone before one buyer checks them against the database
     * again (restock mark and units on hand). The application's own restocks reach the gate at once; this bounds how
     * long a change made directly in the database goes unseen, at the cost of one indexed read per SKU per period.
     */
    @WithDefault("1s")
    Duration stockGateRecheck();

    /**
     * While Redis is unreachable every catalog read goes to the database: at most this many at once per instance, so
     * that a surge cannot take all of PostgreSQL's connections (20 in each pool) from orders. Readers beyond it are
     * answered "busy" (503 with Retry-After) at once rather than queued. 8 keeps a page's reads quick on the
     * database's two to four cores and leaves most connections free.
     */
    @Min(1)
    @WithDefault("8")
    int maxUncachedReads();
}
