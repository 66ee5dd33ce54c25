package shop.storefront.account.internal.service;

import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import shop.storefront.account.internal.AccountConfig;
import shop.storefront.platform.Digests;
import shop.storefront.platform.TooManyAttempts;
import shop.storefront.web.AttemptLimiter;
import shop.storefront.web.NeedsRedis;

/**
 * The account module's limits on sign-in, sign-up and reset. Per client address: at most N attempts a minute
 * ({@code ratelimit:<action>:ip:<address>}). Per account, a hard limit would let anyone lock the owner out, so
 * sign-ins are slowed down instead, by the attempts of the last 15 minutes that did not succeed
 * ({@code ratelimit:sign-in-failures:account:<sha256(email)>}, counted before the password is checked, so that a
 * burst of parallel guesses sees its own size). The waits are also turns: each sign-in for the account claims the
 * next free moment ({@code ratelimit:sign-in-turn:account:<sha256(email)>}), and one whose turn would come later
 * than the longest wait is refused ({@link TooManyAttempts}). Guesses from many addresses at once therefore queue behind each other
 * instead of all waiting the same few seconds side by side. Reset requests only send the owner an e-mail, so they
 * keep a hard limit per account ({@code ratelimit:reset:account:<sha256(email)>}).
 */
@ApplicationScoped
@NeedsRedis
public class SignInLimiter {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);

    private final AttemptLimiter limiter;
    private final Turns turns;
    private final int limit;
    private final Duration maxDelay;

    SignInLimiter(AttemptLimiter limiter, RedisDataSource redis, AccountConfig config) {
        this.limiter = limiter;
        this.turns = new Turns(redis);
        this.limit = config.signInAttemptsPerMinute();
        this.maxDelay = config.signInDelayMax();
    }

    /** Counts one attempt from the client address; {@link TooManyAttempts} telling when to try again once its window is full. */
    public void attemptFrom(String action, String clientAddress) {
        hit(action + ":ip:" + clientAddress);
    }

    /** Counts one reset request for the account; {@link TooManyAttempts} once its window is full. */
    public void resetRequestFor(String email) {
        hit("reset:account:" + Digests.sha256Hex(email));
    }

    /**
     * Claims this sign-in's turn for the e-mail (registered or not: the wait must not tell) and returns how long to
     * wait for it: at least the delay its earlier failures call for, at most the configured maximum. {@link TooManyAttempts} when the
     * account's queue is longer than that.
     */
    public Duration claimSignInTurn(String email) {
        String failures = failuresKey(email);
        Duration delay = SignInDelay.after(limiter.record(failures, FAILURE_WINDOW) - 1, maxDelay);
        long startsIn = turns.claim("ratelimit:sign-in-turn:account:" + Digests.sha256Hex(email), delay, maxDelay);
        if (startsIn < 0) {
            limiter.forget(failures);
            throw new TooManyAttempts(Math.max(1, Duration.ofMillis(-startsIn - maxDelay.toMillis()).toSeconds() + 1));
        }
        Duration untilTurn = Duration.ofMillis(startsIn);
        return untilTurn.compareTo(delay) > 0 ? untilTurn : delay;
    }

    /** The password was right: this attempt was no failure. */
    public void signInSucceeded(String email) {
        limiter.forget(failuresKey(email));
    }

    private void hit(String name) {
        limiter.attempt(name, limit, WINDOW).ifPresent(wait -> {
            throw new TooManyAttempts(wait);
        });
    }

    /**
     * A queue of turns in one Redis key: the moment (Redis clock, ms) the next turn is free. Claiming a turn moves
     * that moment on by the turn's length, atomically, so parallel claims line up one after another.
     */
    private record Turns(RedisDataSource redis) {
        // Returns ms until the claimed turn starts, or -(ms until the first free turn) when that is beyond max.
        private static final String CLAIM = """
                local t = redis.call('TIME')
                local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
                local start = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
                if start - now > tonumber(ARGV[2]) then
                    return now - start
                end
                redis.call('SET', KEYS[1], start + tonumber(ARGV[1]), 'PX', tonumber(ARGV[3]))
                return start - now
                """;

        long claim(String key, Duration length, Duration max) {
            long keep = length.plus(max).plus(FAILURE_WINDOW).toMillis();
            return redis.execute("EVAL", CLAIM, "1", key, Long.toString(length.toMillis()), Long.toString(max.toMillis()),
                    Long.toString(keep)).toLong();
        }
    }

    private static String failuresKey(String email) {
        return "sign-in-failures:account:" + Digests.sha256Hex(email);
    }
}
