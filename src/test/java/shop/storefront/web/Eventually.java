package shop.storefront.web;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits, bounded in time, for something the background worker does. */
public final class Eventually {

    /**
     * Ceiling for background work (the outbox worker, span exports) to show its effect on a busy machine, where a
     * send can wait seconds for a CPU. Waits end as soon as the condition holds, so only a real failure waits this long.
     */
    public static final Duration BACKGROUND_WORK = Duration.ofSeconds(90);

    private Eventually() {
    }

    /** Polls every 100 ms until the condition holds; fails with the description after the timeout. */
    public static void within(Duration timeout, String description, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + timeout + ": " + description);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + description);
            }
        }
    }
}
