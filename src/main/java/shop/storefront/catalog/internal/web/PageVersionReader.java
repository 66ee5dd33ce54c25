package shop.storefront.catalog.internal.web;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Reads a page's version keys from Redis without blocking: one MGET, given up after a second. */
@Singleton
public class PageVersionReader {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final ReactiveValueCommands<String, String> values;

    PageVersionReader(ReactiveRedisDataSource redis) {
        this.values = redis.value(String.class);
    }

    /** The values of {@code keys}, in their order, null for a key that is not set. */
    Uni<List<String>> read(List<String> keys) {
        return values.mget(keys.toArray(String[]::new)).ifNoItem().after(TIMEOUT).fail()
                .map(found -> keys.stream().map(key -> valueOf(found, key)).toList());
    }

    private static String valueOf(Map<String, String> found, String key) {
        return found.get(key);
    }
}
