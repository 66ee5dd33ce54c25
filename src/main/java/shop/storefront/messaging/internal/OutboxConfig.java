package shop.storefront.messaging.internal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** How the outbox worker polls, retries and gives up. */
@ConfigMapping(prefix = "storefront.outbox")
public interface OutboxConfig {

    /** Whether this instance handles messages at all (every instance does by default). */
    @WithDefault("true")
    boolean workerEnabled();

    /**
     * Pause between polls when the outbox is empty; a busy outbox is drained without pausing. One second keeps an
     * order's confirmation mail prompt while an idle instance polls PostgreSQL only once a second.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** Messages handled per poll before the worker yields to the scheduler again. */
    @Min(1) @Max(10_000)
    @WithDefault("200")
    int batchSize();

    /**
     * Attempts before a message moves to the dead-letter table. With the default back-off, 8 attempts span about ten
     * minutes: long enough to ride out a mail relay's restart, short enough to alert on the dead letter the same hour.
     */
    @Min(1) @Max(100)
    @WithDefault("8")
    int maxAttempts();

    /** Delay before the first retry; each further retry waits twice as long, up to {@link #maxBackoff()}. */
    @WithDefault("5s")
    Duration initialBackoff();

    /** Longest wait between two attempts, however many have failed; an hour bounds the wait when attempts are many. */
    @WithDefault("1h")
    Duration maxBackoff();

    /**
     * Longest a handler may run (its transaction's timeout); a slower one counts as a failed attempt. Whole seconds.
     */
    @WithDefault("60s")
    Duration handlerTimeout();
}
