package shop.storefront.account.internal.security;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.set.SetCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import shop.storefront.account.internal.AccountConfig;
import shop.storefront.web.CookieSigner;
import shop.storefront.web.NeedsRedis;

/**
 * Signed-in sessions in Redis, so any instance serves any request and a session ends everywhere at once.
 * {@code session:<id>} holds who is signed in (sliding expiry); {@code sessions:customer:<id>} lists a
 * customer's sessions so a password reset can end them all. The list's expiry slides with each of its sessions:
 * were it to expire before one of them, a reset would leave that session signed in.
 */
@ApplicationScoped
@NeedsRedis
public class SessionStore {

    /**
     * Who a session belongs to, and how they signed in ({@link #PASSWORD} or an identity provider's name, e.g.
     * {@code cognito}): signing out of a provider's session also ends the provider's own.
     */
    public record Session(String customerId, String role, String email, String signedInWith) {
    }

    public static final String PASSWORD = "password";

    private final HashCommands<String, String, String> hashes;
    private final SetCommands<String, String> sets;
    private final KeyCommands<String> keys;
    private final Duration ttl;

    SessionStore(RedisDataSource redis, AccountConfig config) {
        this.hashes = redis.hash(String.class);
        this.sets = redis.set(String.class);
        this.keys = redis.key();
        this.ttl = config.sessionTtl();
    }

    /** Starts a new session with a new random id (never reusing one the browser brought: no fixation). */
    public String create(Session session) {
        String id = CookieSigner.randomId();
        hashes.hset(key(id), Map.of("customer", session.customerId(), "role", session.role(), "email", session.email(),
                "via", session.signedInWith()));
        keys.expire(key(id), ttl);
        forgetEnded(session.customerId());
        sets.sadd(index(session.customerId()), id);
        keys.expire(index(session.customerId()), ttl);
        return id;
    }

    /** The live session with this id, renewing its expiry and that of its customer's list. */
    public Optional<Session> find(String id) {
        Map<String, String> fields = hashes.hgetall(key(id));
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Session session = new Session(fields.get("customer"), fields.get("role"), fields.get("email"),
                fields.getOrDefault("via", PASSWORD));
        keys.expire(key(id), ttl);
        keys.expire(index(session.customerId()), ttl);
        return Optional.of(session);
    }

    public void delete(String id) {
        keys.del(key(id));
    }

    public void deleteAll(String customerId) {
        sets.smembers(index(customerId)).forEach(this::delete);
        keys.del(index(customerId));
    }

    /** Drops ended sessions from the customer's list, which otherwise grows for as long as the customer is active. */
    private void forgetEnded(String customerId) {
        String index = index(customerId);
        sets.smembers(index).stream().filter(id -> !keys.exists(key(id))).forEach(id -> sets.srem(index, id));
    }

    public Duration ttl() {
        return ttl;
    }

    private static String key(String id) {
        return "session:" + id;
    }

    private static String index(String customerId) {
        return "sessions:customer:" + customerId;
    }
}
