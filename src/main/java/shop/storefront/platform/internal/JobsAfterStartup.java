package shop.storefront.platform.internal;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;

/**
 * Starts the scheduled jobs (outbox worker, cart reminders, gauges) only once every other start-up observer has run.
 * The scheduler is configured to start halted: left to itself it fires its first jobs while start-up is still
 * creating the Redis clients and the persistence unit, and a job racing that creation failed the whole start
 * ("Unable to find an EntityManagerFactory", a ConcurrentModificationException in the Redis client registry).
 */
class JobsAfterStartup {

    void resume(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event, Scheduler scheduler) {
        scheduler.resume();
    }
}
