package shop.storefront.catalog.internal.service;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.quarkus.redis.datasource.sortedset.ZRangeArgs;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import shop.storefront.catalog.OutOfStockException;
import shop.storefront.catalog.StockClaim;
import shop.storefront.catalog.internal.CatalogConfig;

/**
 * The admission gate in front of the stock rows: a counter per SKU in Redis that buyers take units from atomically,
 * so that in a flash sale the buyers it cannot serve are told "sold out" without an order transaction, and only as
 * many buyers as there are units queue on the stock row. PostgreSQL stays the truth, and every mistake the gate can
 * make errs high, which only lets a buyer through to the database's own check:
 * <ul>
 * <li>a counter is seeded from {@code stock_on_hand}, and seeded again whenever the SKU's restock mark
 * ({@code restocked_at}, moved by every increase) differs from the one it was seeded at;</li>
 * <li>taken units are recorded as a claim with a deadline; the order's end settles it (units stay taken) or
 * releases it (units come back), and a claim still open at its deadline (the instance stopped between the gate and
 * the commit) is released by {@link #releaseExpired}, whether or not its order made it.</li>
 * </ul>
 * Keys: {@code catalog:stock-gate:sku:<sku>} (hash: left, mark), {@code catalog:stock-gate:claims} (claim ids by
 * deadline), {@code catalog:stock-gate:claim:<id>} (hash: SKU key → units). If Redis fails, the gate stands aside.
 */
@ApplicationScoped
public class StockGate {

    /** What the database says about a SKU: its units on hand and its restock mark. */
    public record Stock(int onHand, String mark) {
    }

    static final String PREFIX = "catalog:stock-gate:";
    static final String CLAIMS = PREFIX + "claims";
    private static final Logger LOG = Logger.getLogger(StockGate.class);
    private static final Duration SEEDED_FOR = Duration.ofDays(1);
    private static final int EXPIRED_PER_ROUND = 100;

    /**
     * KEYS: claims, this claim, then one counter per SKU. ARGV: claim id, deadline (ms), seconds a counter lives, then
     * per SKU units wanted, units on hand, restock mark. Returns -1 when this claim id is already open, the positions
     * (1-based) of the SKUs that fall short, or nothing when all were taken.
     */
    private static final String TAKE = """
            if redis.call('ZSCORE', KEYS[1], ARGV[1]) then return -1 end
            local skus = #KEYS - 2
            for i = 1, skus do
              local key, at = KEYS[i + 2], 3 * i + 1
              if redis.call('HGET', key, 'mark') ~= ARGV[at + 2] then
                redis.call('HSET', key, 'left', ARGV[at + 1], 'mark', ARGV[at + 2])
              end
              redis.call('EXPIRE', key, ARGV[3])
            end
            local short = {}
            for i = 1, skus do
              if tonumber(redis.call('HGET', KEYS[i + 2], 'left')) < tonumber(ARGV[3 * i + 1]) then short[#short + 1] = i end
            end
            if #short > 0 then return short end
            for i = 1, skus do
              redis.call('HINCRBY', KEYS[i + 2], 'left', -tonumber(ARGV[3 * i + 1]))
              redis.call('HSET', KEYS[2], KEYS[i + 2], ARGV[3 * i + 1])
            end
            redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
            return short
            """;

    /** KEYS: claims, the claim. ARGV: claim id, seconds a counter lives. Gives the units back, once, whoever asks first (the order or the expiry). */
    private static final String RELEASE = """
            if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then return 0 end
            local held = redis.call('HGETALL', KEYS[2])
            for i = 1, #held, 2 do
              redis.call('HINCRBY', held[i], 'left', held[i + 1])
              if redis.call('TTL', held[i]) < 0 then redis.call('EXPIRE', held[i], ARGV[2]) end
            end
            redis.call('DEL', KEYS[2])
            return 1
            """;

    /** KEYS: claims, the claim. ARGV: claim id (and an unused lifetime). The units stay taken; the expiry then finds nothing to give back. */
    private static final String SETTLE = """
            redis.call('ZREM', KEYS[1], ARGV[1])
            redis.call('DEL', KEYS[2])
            return 1
            """;

    private static final StockClaim NOTHING_HELD = new StockClaim() {
        @Override
        public void settle() {
        }

        @Override
        public void release() {
        }
    };

    private final RedisDataSource redis;
    private final Duration claimExpiry;

    StockGate(RedisDataSource redis, CatalogConfig config) {
        this.redis = redis;
        this.claimExpiry = config.stockClaimExpiry();
    }

    /**
     * Takes the units (SKU → units) for a claim, all or nothing, or throws {@link OutOfStockException} naming the SKUs
     * the gate cannot cover. A claim id already open (a repeated submission) holds nothing more; so does a failing Redis.
     */
    public StockClaim take(String claimId, Map<String, Integer> quantities, Map<String, Stock> stock) {
        if (quantities.isEmpty()) {
            return NOTHING_HELD;
        }
        List<String> skus = new ArrayList<>(new TreeMap<>(quantities).keySet());
        List<String> command = new ArrayList<>(List.of(TAKE, Integer.toString(skus.size() + 2), CLAIMS, claimKey(claimId)));
        skus.forEach(sku -> command.add(counterKey(sku)));
        command.addAll(List.of(claimId, Long.toString(Instant.now().plus(claimExpiry).toEpochMilli()),
                Long.toString(SEEDED_FOR.toSeconds())));
        for (String sku : skus) {
            command.addAll(List.of(quantities.get(sku).toString(), Integer.toString(stock.get(sku).onHand()), stock.get(sku).mark()));
        }
        Response answer;
        try {
            answer = eval(command);
        } catch (RuntimeException e) {
            LOG.warnf("Stock gate unavailable, the database alone decides: %s", e.toString());
            return NOTHING_HELD;
        }
        if (answer.type() == ResponseType.NUMBER) {
            return NOTHING_HELD;
        }
        if (answer.size() > 0) {
            List<String> shortOf = new ArrayList<>();
            for (int i = 0; i < answer.size(); i++) {
                shortOf.add(skus.get(answer.get(i).toInteger() - 1));
            }
            throw new OutOfStockException(shortOf);
        }
        return new Held(claimId);
    }

    /** Gives back the units of claims whose deadline passed before this moment; returns how many claims it ended. */
    public int releaseExpired(Instant now) {
        int released = 0;
        List<String> expired;
        do {
            expired = redis.sortedSet(String.class).zrangebyscore(CLAIMS,
                    ScoreRange.from(Double.NEGATIVE_INFINITY, now.toEpochMilli()), new ZRangeArgs().limit(0, EXPIRED_PER_ROUND));
            for (String claimId : expired) {
                released += end(RELEASE, claimId).toInteger();
            }
        } while (expired.size() == EXPIRED_PER_ROUND);
        return released;
    }

    @Scheduled(identity = "stock-gate-expired-claims", every = "${storefront.catalog.stock-claim-expiry:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void releaseExpiredClaims() {
        try {
            int released = releaseExpired(Instant.now());
            if (released > 0) {
                LOG.infof("Gave back the units of %d stock claims whose order never said how it ended", released);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Expired stock claims wait for Redis: %s", e.toString());
        }
    }

    /** The units a SKU's counter says are left, or null before it was seeded. */
    public Integer left(String sku) {
        String left = redis.hash(String.class).hget(counterKey(sku), "left");
        return left == null ? null : Integer.valueOf(left);
    }

    private Response end(String script, String claimId) {
        return eval(List.of(script, "2", CLAIMS, claimKey(claimId), claimId, Long.toString(SEEDED_FOR.toSeconds())));
    }

    /** Runs a script: every change the gate makes is one, all or nothing. */
    Response eval(List<String> scriptKeysAndArgs) {
        return redis.execute("EVAL", scriptKeysAndArgs.toArray(String[]::new));
    }

    private static String counterKey(String sku) {
        return PREFIX + "sku:" + sku;
    }

    private static String claimKey(String claimId) {
        return PREFIX + "claim:" + claimId;
    }

    /** A claim holding units; ending it twice, or after it expired, changes nothing. */
    private final class Held implements StockClaim {

        private final String claimId;

        Held(String claimId) {
            this.claimId = claimId;
        }

        @Override
        public void settle() {
            endQuietly(SETTLE);
        }

        @Override
        public void release() {
            endQuietly(RELEASE);
        }

        /** Redis failing here leaves the claim to its expiry, which gives the units back: the gate errs high. */
        private void endQuietly(String script) {
            try {
                end(script, claimId);
            } catch (RuntimeException e) {
                LOG.warnf("Stock claim %s left to expire: %s", claimId, e.toString());
            }
        }
    }
}
