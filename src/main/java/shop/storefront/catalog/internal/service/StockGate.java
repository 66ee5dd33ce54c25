package shop.storefront.catalog.internal.service;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.quarkus.redis.datasource.sortedset.ZRangeArgs;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.TimeoutException;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import shop.storefront.catalog.OutOfStockException;
import shop.storefront.catalog.StockClaim;
import shop.storefront.catalog.internal.CatalogConfig;

/**
 * The admission gate in front of the stock rows: a counter per SKU in Redis that buyers take units from atomically,
 * so that in a flash sale the buyers it cannot serve are told "sold out" without touching the database, and only as
 * many buyers as there are units queue on the stock row. PostgreSQL stays the truth, and every mistake the gate can
 * make errs high, which only lets a buyer through to the database's own check:
 * <ul>
 * <li>a counter is seeded from {@code stock_on_hand}, and seeded again whenever the SKU's restock mark
 * ({@code restocked_at}, moved by every increase) differs from the one it was seeded at. The mark is kept in the
 * counter: buyers decide from Redis alone, and once per {@code stock-gate-recheck} one of them (the first to find
 * the counter due) reads the database to compare marks. Meanwhile the others take units from the counter, but are
 * never refused by it: a counter due for its check sends whoever it would refuse to the database too, so a restock
 * is never hidden behind an old "sold out". The application's own stock changes make the counter due at once
 * ({@link #recheck});</li>
 * <li>taken units are recorded as a claim with a deadline; the order's end settles it (units stay taken) or
 * releases it (units come back), and a claim still open at its deadline (the instance stopped between the gate and
 * the commit) is released by {@link #releaseExpired}, whether or not its order made it;</li>
 * <li>a settled claim's id (the order's idempotency key) is remembered for a day, so a repeat of a placed order is
 * let through to find it rather than told "sold out" by a gate that never looks at orders.</li>
 * </ul>
 * Keys: {@code catalog:stock-gate:sku:<sku>} (hash: left, mark, name, checked, lease), {@code catalog:stock-gate:claims}
 * (open claim ids by deadline), {@code catalog:stock-gate:claim:<id>} (hash: SKU key → units),
 * {@code catalog:stock-gate:settled} (settled claim ids by when). If Redis is unreachable, the gate stands aside;
 * if it is too slow to answer, the buyer is told to try again.
 */
@ApplicationScoped
public class StockGate {

    /** What the database says about a SKU: its units on hand, its restock mark, and what shoppers call it. */
    public record Stock(int onHand, String mark, String name) {
    }

    static final String PREFIX = "catalog:stock-gate:";
    static final String CLAIMS = PREFIX + "claims";
    static final String SETTLED = PREFIX + "settled";
    private static final Logger LOG = Logger.getLogger(StockGate.class);
    private static final Duration SEEDED_FOR = Duration.ofDays(1);
    /** As long as payment providers keep idempotency keys (Stripe: 24 h): a client's retries come well within it. */
    private static final Duration SETTLED_FOR = Duration.ofDays(1);
    private static final int EXPIRED_PER_ROUND = 100;
    private static final long PASS = -1;
    private static final long ASK_DATABASE = -2;

    /**
     * KEYS: claims, this claim, settled, then one counter per SKU. ARGV: claim id, deadline (ms), seconds a counter
     * lives, now (ms), recheck period (ms), '1' when the database was read, then per SKU units wanted, units on hand,
     * restock mark, name (the last three empty unless the database was read). Returns -1 when this claim id is open
     * or settled (let through, holding nothing), -2 when a counter must be checked against the database first (never
     * seeded; due, for the one buyer that takes the check on, or for a buyer it would refuse), the positions (1-based)
     * and names of the SKUs that fall short, or nothing when all were taken.
     */
    private static final String TAKE = """
            if redis.call('ZSCORE', KEYS[1], ARGV[1]) or redis.call('ZSCORE', KEYS[3], ARGV[1]) then return -1 end
            local skus, now, every, due = #KEYS - 3, tonumber(ARGV[4]), tonumber(ARGV[5]), false
            for i = 1, skus do
              local key, at = KEYS[i + 3], 4 * i + 3
              if ARGV[6] == '1' then
                if redis.call('HGET', key, 'mark') ~= ARGV[at + 2] then
                  redis.call('HSET', key, 'left', ARGV[at + 1], 'mark', ARGV[at + 2])
                end
                redis.call('HSET', key, 'name', ARGV[at + 3], 'checked', ARGV[4])
              else
                local checked = tonumber(redis.call('HGET', key, 'checked'))
                if not checked then return -2 end
                if checked + every <= now then
                  due = true
                  if tonumber(redis.call('HGET', key, 'lease') or '0') + every <= now then
                    redis.call('HSET', key, 'lease', ARGV[4])
                    return -2
                  end
                end
              end
              redis.call('EXPIRE', key, ARGV[3])
            end
            local short = {}
            for i = 1, skus do
              local key = KEYS[i + 3]
              if tonumber(redis.call('HGET', key, 'left')) < tonumber(ARGV[4 * i + 3]) then
                short[#short + 1] = i
                short[#short + 1] = redis.call('HGET', key, 'name') or ''
              end
            end
            if #short > 0 and due then return -2 end
            if #short > 0 then return short end
            for i = 1, skus do
              redis.call('HINCRBY', KEYS[i + 3], 'left', -tonumber(ARGV[4 * i + 3]))
              redis.call('HSET', KEYS[2], KEYS[i + 3], ARGV[4 * i + 3])
            end
            redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
            return short
            """;

    /** KEYS: claims, the claim, settled. ARGV: claim id, seconds a counter lives. Gives the units back, once, whoever asks first (the order or the expiry). */
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

    /**
     * KEYS: claims, the claim, settled. ARGV: claim id, (unused), now (ms), how long settled ids are kept (ms). The units
     * stay taken (the expiry then finds nothing to give back) and the id is remembered, even if its claim already
     * expired: the order exists either way.
     */
    private static final String SETTLE = """
            redis.call('ZREM', KEYS[1], ARGV[1])
            redis.call('DEL', KEYS[2])
            redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
            redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', tonumber(ARGV[3]) - tonumber(ARGV[4]))
            return 1
            """;

    /** KEYS: a counter. Makes it due for a check against the database, if it exists. */
    private static final String RECHECK = """
            if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], 'checked', 0, 'lease', 0) end
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
    private final Duration recheckEvery;

    StockGate(RedisDataSource redis, CatalogConfig config) {
        this.redis = redis;
        this.claimExpiry = config.stockClaimExpiry();
        this.recheckEvery = config.stockGateRecheck();
    }

    /**
     * Takes the units (SKU → units) from the counters alone, or throws {@link OutOfStockException} naming the SKUs
     * they cannot cover; empty when a counter is missing or due for a check, so the caller reads the database and
     * calls {@link #take}. A claim id open or settled (a repeated submission) holds nothing; so does a failing Redis.
     */
    public Optional<StockClaim> takeCounted(String claimId, Map<String, Integer> quantities) {
        return run(claimId, quantities, null);
    }

    /** Like {@link #takeCounted}, with what the database says about each SKU (seeding or checking its counter). */
    public StockClaim take(String claimId, Map<String, Integer> quantities, Map<String, Stock> stock) {
        return run(claimId, quantities, stock).orElse(NOTHING_HELD);
    }

    private Optional<StockClaim> run(String claimId, Map<String, Integer> quantities, Map<String, Stock> stock) {
        if (quantities.isEmpty()) {
            return Optional.of(NOTHING_HELD);
        }
        List<String> skus = new ArrayList<>(new TreeMap<>(quantities).keySet());
        Response answer;
        try {
            answer = eval(takeCommand(claimId, skus, quantities, stock));
        } catch (TimeoutException e) {
            // Redis is there but swamped, as it is at a sale's peak: standing aside now would send every buyer to
            // the database at once. Thrown on, it answers "busy, try again" (with the same idempotency key).
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf("Stock gate unavailable, the database alone decides: %s", e.toString());
            return Optional.of(NOTHING_HELD);
        }
        if (answer.type() == ResponseType.NUMBER) {
            return answer.toLong() == ASK_DATABASE ? Optional.empty() : Optional.of(NOTHING_HELD);
        }
        if (answer.size() > 0) {
            List<String> shortOf = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < answer.size(); i += 2) {
                String sku = skus.get(answer.get(i).toInteger() - 1);
                String name = answer.get(i + 1) == null ? "" : answer.get(i + 1).toString();
                shortOf.add(sku);
                names.add(name.isEmpty() ? sku : name);
            }
            throw new OutOfStockException(shortOf, names);
        }
        return Optional.of(new Held(claimId));
    }

    private List<String> takeCommand(String claimId, List<String> skus, Map<String, Integer> quantities, Map<String, Stock> stock) {
        List<String> command = new ArrayList<>(List.of(TAKE, Integer.toString(skus.size() + 3), CLAIMS, claimKey(claimId), SETTLED));
        skus.forEach(sku -> command.add(counterKey(sku)));
        Instant now = Instant.now();
        command.addAll(List.of(claimId, Long.toString(now.plus(claimExpiry).toEpochMilli()), Long.toString(SEEDED_FOR.toSeconds()),
                Long.toString(now.toEpochMilli()), Long.toString(recheckEvery.toMillis()), stock == null ? "0" : "1"));
        for (String sku : skus) {
            Stock known = stock == null ? null : stock.get(sku);
            command.addAll(List.of(quantities.get(sku).toString(), known == null ? "" : Integer.toString(known.onHand()),
                    known == null ? "" : known.mark(), known == null ? "" : known.name()));
        }
        return command;
    }

    /**
     * The application changed a SKU's stock other than by an order: the next buyer checks its counter against the
     * database, so a restock sells at once and a correction downwards refuses at once.
     */
    void recheck(@Observes(during = TransactionPhase.AFTER_SUCCESS) StockCorrected corrected) {
        try {
            eval(List.of(RECHECK, "1", counterKey(corrected.sku())));
        } catch (RuntimeException e) {
            LOG.warnf("Stock gate for %s sees the change within %s: %s", corrected.sku(), recheckEvery, e.toString());
        }
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
        return eval(List.of(script, "3", CLAIMS, claimKey(claimId), SETTLED, claimId, Long.toString(SEEDED_FOR.toSeconds()),
                Long.toString(Instant.now().toEpochMilli()), Long.toString(SETTLED_FOR.toMillis())));
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
