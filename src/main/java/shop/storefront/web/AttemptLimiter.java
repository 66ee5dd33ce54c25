package shop.storefront.web;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.ExpireArgs;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Counts attempts in fixed windows in Redis, shared by all instances. A counter's window starts with its first
 * attempt; its key, {@code ratelimit:<name>}, expires when the window ends. Modules choose the names and limits.
 */
@ApplicationScoped
@NeedsRedis
public class AttemptLimiter {

    private final ValueCommands<String, Long> counters;
    private final KeyCommands<String> keys;

    AttemptLimiter(RedisDataSource redis) {
        this.counters = redis.value(Long.class);
        this.keys = redis.key();
    }

    /**
     * Counts one attempt; when it is over the limit, the seconds until the window ends (at least 1), else empty.
     */
    public OptionalLong attempt(String name, int limit, Duration window) {
        if (record(name, window) <= limit) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, keys.ttl(key(name))));
    }

    /** Counts one attempt and returns the count in the current window. */
    public long record(String name, Duration window) {
        String key = key(name);
        long count = counters.incr(key);
        // NX on every call rather than only on the first: a counter whose expiry was never set (an instance died
        // between the two commands) would otherwise count for ever.
        keys.expire(key, window, new ExpireArgs().nx());
        return count;
    }

    /** Takes back one counted attempt (it turned out not to count), never below zero. */
    public void forget(String name) {
        if (counters.decr(key(name)) < 0) {
            counters.set(key(name), 0L, new io.quarkus.redis.datasource.value.SetArgs().keepttl());
        }
    }

    private static String key(String name) {
        return "ratelimit:" + name;
    }
}
