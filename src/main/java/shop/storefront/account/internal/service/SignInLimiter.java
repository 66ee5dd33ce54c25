package shop.storefront.account.internal.service;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import shop.storefront.account.AccountException;
import shop.storefront.platform.Digests;
import shop.storefront.platform.StorefrontConfig;

/**
 * Fixed one-minute windows in Redis, shared by all instances: at most N attempts per account and per client
 * address. Keys: {@code ratelimit:<action>:ip:<address>} and {@code ratelimit:<action>:account:<sha256(email)>}.
 */
@ApplicationScoped
public class SignInLimiter {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final ValueCommands<String, Long> counters;
    private final KeyCommands<String> keys;
    private final int limit;

    SignInLimiter(RedisDataSource redis, StorefrontConfig config) {
        this.counters = redis.value(Long.class);
        this.keys = redis.key();
        this.limit = config.account().signInAttemptsPerMinute();
    }

    /** Counts one attempt; throws a 429 telling when to try again once either window is full. */
    public void attempt(String action, String clientAddress, String email) {
        hit("ratelimit:" + action + ":ip:" + clientAddress);
        if (email != null) {
            hit("ratelimit:" + action + ":account:" + Digests.sha256Hex(email));
        }
    }

    private void hit(String key) {
        long count = counters.incr(key);
        if (count == 1) {
            keys.expire(key, WINDOW);
        }
        if (count > limit) {
            throw AccountException.tooManyAttempts(Math.max(1, keys.ttl(key)));
        }
    }

}
