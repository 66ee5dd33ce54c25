package shop.storefront.cart.internal.service;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.quarkus.redis.datasource.sortedset.SortedSetCommands;
import io.quarkus.redis.datasource.sortedset.ZRangeArgs;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import shop.storefront.cart.internal.CartConfig;
import shop.storefront.web.NeedsRedis;

/**
 * Carts in Redis, one hash per cart: {@code q:<sku>} holds the quantity (changed with atomic HINCRBY, so
 * two instances adding at once never lose an item) and {@code p:<sku>} the unit price the shopper last saw.
 * {@code n:<time>} holds a notice for the shopper's next view, {@code o:<order number>} marks an order whose units
 * already left the cart. Every access renews the expiry: carts live {@code storefront.cart.ttl} after the last visit.
 */
@ApplicationScoped
@NeedsRedis
public class CartStore {

    /** What is stored for one SKU. */
    public record Entry(int quantity, BigDecimal seenPrice) {
    }

    /** Sorted set of customer ids by the time their cart last changed, for the abandoned-cart reminder. */
    static final String TOUCHED = "carts:touched";

    private static final String NOTICE_PREFIX = "n:";

    /**
     * KEYS[1] the cart; ARGV: order number, expiry in seconds, then SKU and quantity pairs. One script, so the mark
     * and the take-out happen together or not at all, and a second delivery of the same order finds the mark.
     */
    private static final String TAKE_OUT_ORDERED = """
            if redis.call('HSETNX', KEYS[1], 'o:' .. ARGV[1], '1') == 0 then return 0 end
            for i = 3, #ARGV, 2 do
              if redis.call('HINCRBY', KEYS[1], 'q:' .. ARGV[i], -tonumber(ARGV[i + 1])) <= 0 then
                redis.call('HDEL', KEYS[1], 'q:' .. ARGV[i], 'p:' .. ARGV[i])
              end
            end
            if redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
            return 1
            """;

    private final RedisDataSource redis;

    private final HashCommands<String, String, String> hashes;
    private final KeyCommands<String> keys;
    private final SortedSetCommands<String, String> touched;
    private final Duration ttl;

    CartStore(RedisDataSource redis, CartConfig config) {
        this.redis = redis;
        this.hashes = redis.hash(String.class);
        this.keys = redis.key();
        this.touched = redis.sortedSet(String.class);
        this.ttl = config.ttl();
    }

    /** SKU → entry, in no particular order. */
    public Map<String, Entry> entries(String key) {
        Map<String, String> fields = hashes.hgetall(key);
        Map<String, Entry> entries = new LinkedHashMap<>();
        fields.forEach((field, value) -> {
            if (field.startsWith("q:")) {
                String sku = field.substring(2);
                String price = fields.get("p:" + sku);
                entries.put(sku, new Entry(Integer.parseInt(value), price == null ? null : new BigDecimal(price)));
            }
        });
        if (!fields.isEmpty()) {
            keys.expire(key, ttl);
        }
        return entries;
    }

    /** Keeps a message for the shopper's next look at the cart (after the redirect that follows a form). */
    public void note(String key, String notice) {
        // Time first, so that notices sort oldest first; the random part keeps two at the same moment apart.
        hashes.hset(key, NOTICE_PREFIX + "%015d:%s".formatted(System.currentTimeMillis(), UUID.randomUUID()), notice);
        keys.expire(key, ttl);
    }

    /** The kept messages, oldest first; each is handed out once. */
    public List<String> takeNotes(String key) {
        Map<String, String> notes = new TreeMap<>();
        hashes.hgetall(key).forEach((field, value) -> {
            if (field.startsWith(NOTICE_PREFIX)) {
                notes.put(field, value);
            }
        });
        if (notes.isEmpty()) {
            return List.of();
        }
        hashes.hdel(key, notes.keySet().toArray(String[]::new));
        return List.copyOf(notes.values());
    }

    public int itemCount(String key) {
        return hashes.hgetall(key).entrySet().stream().filter(e -> e.getKey().startsWith("q:"))
                .mapToInt(e -> Integer.parseInt(e.getValue())).sum();
    }

    /** Adds to the quantity atomically and returns the new quantity. */
    public int add(String key, String sku, int quantity, BigDecimal price) {
        long total = hashes.hincrby(key, "q:" + sku, quantity);
        hashes.hsetnx(key, "p:" + sku, price.toPlainString());
        changed(key);
        return (int) total;
    }

    public void set(String key, String sku, int quantity, BigDecimal price) {
        hashes.hset(key, Map.of("q:" + sku, Integer.toString(quantity), "p:" + sku, price.toPlainString()));
        changed(key);
    }

    /**
     * Takes an order's units out of the cart once, however often it is asked for that order (the step right after
     * the order and its retry from the outbox). A line reaching zero disappears.
     */
    public void takeOutOrdered(String key, String orderNumber, Map<String, Integer> quantities) {
        List<String> args = new ArrayList<>(List.of("EVAL", TAKE_OUT_ORDERED, "1", key, orderNumber, Long.toString(ttl.toSeconds())));
        quantities.forEach((sku, quantity) -> {
            args.add(sku);
            args.add(Integer.toString(quantity));
        });
        redis.execute(args.getFirst(), args.subList(1, args.size()).toArray(String[]::new));
    }

    /** Customers whose cart last changed before this moment, oldest first, at most {@code limit}. */
    public List<String> idleCustomerCarts(Instant before, int limit) {
        return touched.zrangebyscore(TOUCHED, ScoreRange.from(Double.NEGATIVE_INFINITY, before.toEpochMilli()),
                new ZRangeArgs().limit(0, limit));
    }

    /** Removes a customer from the idle list; true for the one caller (of any instance) that removed it. */
    public boolean claimIdle(String customerId) {
        return touched.zrem(TOUCHED, customerId) == 1;
    }

    private void changed(String key) {
        keys.expire(key, ttl);
        if (key.startsWith(CartOwner.CUSTOMER_PREFIX)) {
            touched.zadd(TOUCHED, System.currentTimeMillis(), key.substring(CartOwner.CUSTOMER_PREFIX.length()));
        }
    }

    public void seenPrice(String key, String sku, BigDecimal price) {
        hashes.hset(key, "p:" + sku, price.toPlainString());
    }

    public void remove(String key, String sku) {
        hashes.hdel(key, "q:" + sku, "p:" + sku);
    }

    public void delete(String key) {
        keys.del(key);
    }
}
