package shop.storefront.web;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import shop.storefront.platform.TemporarilyUnavailable;
import shop.storefront.web.internal.WebConfig;

/**
 * Whether Redis (sessions, carts, limits, the catalog cache) can be reached, so that while it cannot, requests skip it
 * at once instead of each waiting for a refused connection or a timeout. A failed command sets off a probe (one PING,
 * given up after {@link #PING_TIMEOUT_MS}); a failed probe marks Redis down and repeats every
 * {@code storefront.redis-retry-interval} in the background until a PING is answered, which marks it up again and
 * announces {@link Recovered}. Error replies (a wrong command) say nothing about reachability and are not counted.
 */
@ApplicationScoped
public class RedisAvailability {

    /** Announced (on a worker thread) when Redis answers again after being marked down. */
    public record Recovered() {
    }

    /** What a shopper is told while an action needs Redis and it is down; seconds until it makes sense to retry. */
    static final long RETRY_AFTER_SECONDS = 5;
    private static final long PING_TIMEOUT_MS = 1_000;
    private static final Logger LOG = Logger.getLogger(RedisAvailability.class);

    private final Redis redis;
    private final Vertx vertx;
    private final Event<Recovered> recovered;
    private final long retryMillis;
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile boolean down;
    private volatile boolean stopped;

    RedisAvailability(Redis redis, Vertx vertx, Event<Recovered> recovered, WebConfig config) {
        this.redis = redis;
        this.vertx = vertx;
        this.recovered = recovered;
        this.retryMillis = config.redisRetryInterval().toMillis();
    }

    /** True while the last probe found Redis unreachable. */
    public boolean isDown() {
        return down;
    }

    /**
     * Refuses with {@link TemporarilyUnavailable} while Redis is down: for an answer that would be wrong without it even
     * where no command is due, such as "your cart is empty" to a shopper whose session and cart cannot be read.
     */
    public void requireUp() {
        if (down) {
            throw unavailable();
        }
    }

    /**
     * Runs a Redis command (or several) for an action that cannot do without Redis: refused with
     * {@link TemporarilyUnavailable} at once while Redis is down, or when the command fails to reach it (connection
     * refused, dropped). A timeout is passed on as it is (the edge answers "busy"), after setting off a probe; anything
     * else (a refusal of the action itself, a bug) is passed on untouched.
     */
    public <T> T require(Supplier<T> commands) {
        requireUp();
        try {
            return commands.get();
        } catch (RuntimeException e) {
            if (unreachable(e)) {
                probe();
                throw unavailable();
            }
            if (timedOut(e)) {
                probe();
            }
            throw e;
        }
    }

    /** For callers that carry on without Redis themselves: counts the failure (error replies aside) and probes. */
    public void failed(Throwable e) {
        if (!errorReply(e)) {
            LOG.debugf("Redis command failed: %s", e);
            probe();
        }
    }

    /**
     * Probes now and tells whether Redis answered, unless probing is under way already (a PING in flight, or Redis down
     * and the next PING due): then what is known so far.
     */
    public Future<Boolean> probe() {
        if (stopped || !probing.compareAndSet(false, true)) {
            return Future.succeededFuture(!down);
        }
        return ping();
    }

    private Future<Boolean> ping() {
        Promise<Boolean> answered = Promise.promise();
        long timer = vertx.setTimer(PING_TIMEOUT_MS, id -> answered.tryComplete(false));
        redis.send(Request.cmd(Command.PING)).onComplete(ping -> {
            vertx.cancelTimer(timer);
            answered.tryComplete(ping.succeeded());
        });
        return answered.future().onComplete(up -> settle(up.result()));
    }

    /** Up ends probing; down keeps it going, one PING per retry interval, until one is answered. */
    private void settle(boolean up) {
        boolean wasDown = down;
        down = !up;
        if (up) {
            probing.set(false);
            if (wasDown) {
                LOG.info("Redis answers again");
                vertx.executeBlocking(() -> {
                    recovered.fire(new Recovered());
                    return null;
                }, false);
            }
            return;
        }
        if (!wasDown) {
            LOG.warnf("Redis is unreachable: sessions, carts and sign-in are paused, catalog pages come from the"
                    + " database; retrying every %d ms", retryMillis);
        }
        if (stopped) {
            probing.set(false);
        } else {
            vertx.setTimer(retryMillis, id -> {
                if (!stopped) {
                    ping();
                }
            });
        }
    }

    /** No more probes once the application stops: the Redis client goes away with it. */
    @PreDestroy
    void stop() {
        stopped = true;
    }

    private static TemporarilyUnavailable unavailable() {
        return new TemporarilyUnavailable("This part of the shop is unavailable for a moment. Please try again shortly;"
                + " browsing the catalog still works.", RETRY_AFTER_SECONDS);
    }

    /** Redis answered, with an error (wrong type, script error): Redis is there. */
    private static boolean errorReply(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof io.vertx.redis.client.impl.types.ErrorType) {
                return true;
            }
        }
        return false;
    }

    /** The connection could not be made or was lost: refused, reset, closed, no such host. */
    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof io.smallrye.mutiny.TimeoutException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
