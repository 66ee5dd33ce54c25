package shop.storefront.catalog.internal.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import shop.storefront.catalog.internal.CatalogConfig;
import shop.storefront.catalog.internal.ReadReplicaConfig;
import shop.storefront.platform.DatabaseOutage;
import shop.storefront.platform.Digests;
import shop.storefront.platform.TemporarilyUnavailable;
import shop.storefront.web.RedisAvailability;

/**
 * Cache-aside for catalog reads, shared by every instance through Redis.
 *
 * <p>Each entry belongs to a scope ("listings", or one product) whose version number is part of the
 * entry's key. Invalidating a scope increments its version after the database commit, so a reader that
 * loaded old rows just before the change writes them under a version nobody reads any more; old entries
 * simply expire. A Redis outage degrades to reading PostgreSQL, never to an error page: at once while Redis is
 * known to be down, and only so many reads at a time ({@link UncachedReads}).
 *
 * <p>With a read replica, a reader just after a change may still get the old rows from it; entries loaded that
 * soon after a change of their scope are therefore kept only as long as the replica may lag.
 */
@ApplicationScoped
public class CatalogCache {

    private static final Logger LOG = Logger.getLogger(CatalogCache.class);
    static final String PREFIX = "catalog:";
    /** Each key's last loaded value, whatever its version: read only when the database cannot be. */
    private static final String LAST_KNOWN = PREFIX + "last:";
    static final String EPOCH = "all";

    private final ValueCommands<String, String> values;
    private final ObjectMapper json;
    private final MeterRegistry metrics;
    private final SetArgs expiry;
    /** Zero without a replica: the primary is never behind itself. */
    private final Duration replicaLag;
    private final RedisAvailability availability;
    private final UncachedReads uncached;

    CatalogCache(RedisDataSource redis, ObjectMapper json, MeterRegistry metrics, CatalogConfig config,
            ReadReplicaConfig replica, RedisAvailability availability, UncachedReads uncached) {
        this.values = redis.value(String.class);
        this.availability = availability;
        this.uncached = uncached;
        this.json = json;
        this.metrics = metrics;
        this.expiry = new SetArgs().ex(config.cacheTtl());
        this.replicaLag = replica.effectiveLag();
    }

    /** The cached value of {@code key} within {@code scope}, loading and storing it on a miss (null is not stored). */
    public <T> T get(String scope, String key, JavaType type, Supplier<T> loader) {
        String entryKey;
        String cached;
        Versions versions;
        if (availability.isDown()) {
            return uncached.read(loader);
        }
        try {
            versions = versions(scope);
            entryKey = PREFIX + scope + ":v" + versions.tag() + ":" + Digests.sha256Hex(key).substring(0, 32);
            cached = values.get(entryKey);
        } catch (RuntimeException e) {
            LOG.warnf("Catalog cache unavailable, reading the database: %s", e.getMessage());
            availability.failed(e);
            return uncached.read(loader);
        }
        if (cached != null) {
            try {
                T hit = json.readValue(cached, type);
                count(scope, "hit");
                return hit;
            } catch (JsonProcessingException e) {
                LOG.warnf("Dropping unreadable cache entry %s: %s", entryKey, e.getOriginalMessage());
            }
        }
        count(scope, "miss");
        String lastKey = LAST_KNOWN + scope + ":" + Digests.sha256Hex(key).substring(0, 32);
        T loaded;
        try {
            loaded = loader.get();
        } catch (RuntimeException e) {
            Optional<T> last = lastKnown(scope, lastKey, type, e);
            if (last.isEmpty()) {
                throw e;
            }
            return last.get();
        }
        if (loaded == null) {
            return null;
        }
        try {
            String value = json.writeValueAsString(loaded);
            values.set(entryKey, value, versions.changedWithin(replicaLag) ? new SetArgs().px(replicaLag) : expiry);
            values.set(lastKey, value, expiry);
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warnf("Could not cache %s: %s", entryKey, e.getMessage());
        }
        return loaded;
    }

    /**
     * While the database (and the replica, if any) cannot be read, the value last loaded for this key, whatever
     * catalog version it belonged to: a listing or product a little behind beats none while ordering is paused anyway.
     * Empty for any other failure, or when nothing was loaded for the key within the cache's lifetime.
     */
    private <T> Optional<T> lastKnown(String scope, String lastKey, JavaType type, RuntimeException failure) {
        if (!(failure instanceof TemporarilyUnavailable) && !DatabaseOutage.causedBy(failure)) {
            return Optional.empty();
        }
        try {
            String last = values.get(lastKey);
            if (last == null) {
                return Optional.empty();
            }
            count(scope, "last_known");
            return Optional.of(json.readValue(last, type));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warnf("No last-known catalog entry %s: %s", lastKey, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Makes every entry of {@code scope} unreachable, on every instance. Without Redis nothing is read from it either,
     * and every entry is made unreachable when it answers again ({@link #afterRedisOutage}).
     */
    public void invalidate(String scope) {
        if (availability.isDown()) {
            return;
        }
        try {
            values.incr(versionKey(scope));
            markChanged(scope);
        } catch (RuntimeException e) {
            LOG.warnf("Could not invalidate the catalog cache's %s: %s", scope, e.getMessage());
            availability.failed(e);
        }
    }

    /** Makes every catalog entry unreachable, e.g. after the catalog was reloaded in bulk. */
    public void invalidateAll() {
        invalidate(EPOCH);
    }

    /**
     * Changes committed while Redis was down (here or on another instance) could not move their scopes' versions, so
     * entries cached before the outage may be stale: none of them is read again.
     */
    void afterRedisOutage(@Observes RedisAvailability.Recovered recovered) {
        invalidateAll();
    }

    private void markChanged(String scope) {
        if (!replicaLag.isZero()) {
            values.set(changedKey(scope), Long.toString(System.currentTimeMillis()), new SetArgs().px(replicaLag));
        }
    }

    public JavaType type(Class<?> type) {
        return json.getTypeFactory().constructType(type);
    }

    public JavaType listOf(Class<?> element) {
        return json.getTypeFactory().constructCollectionType(java.util.List.class, element);
    }

    /**
     * The scope's version tag ("epoch.scopeVersion") and, with a replica, when it last changed if lately: one round
     * trip, of two keys or four.
     */
    private Versions versions(String scope) {
        Map<String, String> found = replicaLag.isZero() ? values.mget(versionKey(EPOCH), versionKey(scope))
                : values.mget(versionKey(EPOCH), versionKey(scope), changedKey(EPOCH), changedKey(scope));
        String tag = Objects.requireNonNullElse(found.get(versionKey(EPOCH)), "0") + "."
                + Objects.requireNonNullElse(found.get(versionKey(scope)), "0");
        long changed = Math.max(millis(found.get(changedKey(EPOCH))), millis(found.get(changedKey(scope))));
        return new Versions(tag, changed);
    }

    private record Versions(String tag, long changedAtMillis) {
        boolean changedWithin(Duration lag) {
            return !lag.isZero() && System.currentTimeMillis() - changedAtMillis < lag.toMillis();
        }
    }

    private static long millis(String value) {
        return value == null ? 0 : Long.parseLong(value);
    }

    static String versionKey(String scope) {
        return PREFIX + "version:" + scope;
    }

    /** Set on a change and expiring after the replica lag: present means "changed lately". */
    static String changedKey(String scope) {
        return PREFIX + "changed:" + scope;
    }

    private void count(String scope, String result) {
        String region = scope.startsWith("product:") ? "product" : scope;
        metrics.counter("storefront.catalog.cache", "region", region, "result", result).increment();
    }

}
