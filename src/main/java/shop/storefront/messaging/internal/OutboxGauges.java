package shop.storefront.messaging.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Outbox depth and dead letters as gauges, refreshed by a cheap count every 15 s rather than on every
 * scrape: an alarm on a growing backlog or any dead letter is what ops need from them. "Pending" counts only
 * messages due now, so that the reservation expiries and retries waiting for their time do not look like a backlog;
 * those are "scheduled".
 */
@ApplicationScoped
class OutboxGauges {

    private final EntityManager em;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong scheduled = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();

    OutboxGauges(EntityManager em, MeterRegistry registry) {
        this.em = em;
        Gauge.builder("storefront.outbox.pending", pending, AtomicLong::get).description("Messages due for handling now").register(registry);
        Gauge.builder("storefront.outbox.scheduled", scheduled, AtomicLong::get)
                .description("Messages waiting for a later time (expiries, retries)").register(registry);
        Gauge.builder("storefront.outbox.dead_letters", deadLetters, AtomicLong::get).description("Messages in the dead-letter table").register(registry);
    }

    void init(@Observes StartupEvent event) {
        refresh();
    }

    @Scheduled(identity = "outbox-gauges", every = "15s", delayed = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        QuarkusTransaction.requiringNew().run(() -> {
            Object[] counts = (Object[]) em.createNativeQuery("""
                    SELECT count(*) FILTER (WHERE available_at <= now()), count(*) FILTER (WHERE available_at > now()),
                           (SELECT count(*) FROM messaging.dead_letter) FROM messaging.outbox""").getSingleResult();
            pending.set(((Number) counts[0]).longValue());
            scheduled.set(((Number) counts[1]).longValue());
            deadLetters.set(((Number) counts[2]).longValue());
        });
    }
}
