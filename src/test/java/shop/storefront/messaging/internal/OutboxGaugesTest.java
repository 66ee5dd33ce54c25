package shop.storefront.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.messaging.Outbox;
import shop.storefront.web.Eventually;

/** A message waiting for its time (a reservation expiry) counts as scheduled, not as a backlog. */
@QuarkusTest
class OutboxGaugesTest {

    @Inject
    Outbox outbox;
    @Inject
    OutboxGauges gauges;
    @Inject
    MeterRegistry registry;
    @Inject
    CatalogOracle db;

    @Test
    void messagesDueLaterAreScheduledNotPending() {
        // Earlier tests' messages settle first, so that only far-future ones (expiries) remain and counts hold still.
        Eventually.within(Eventually.BACKGROUND_WORK, "no message due within a minute",
                () -> db.longValue("SELECT count(*) FROM messaging.outbox WHERE available_at < now() + interval '1 minute'") == 0);
        QuarkusTransaction.requiringNew().run(() -> outbox.publish("test-later", Map.of("marker", "gauges"), Instant.now().plus(1, ChronoUnit.DAYS)));
        try {
            gauges.refresh();
            assertThat(registry.get("storefront.outbox.pending").gauge().value()).isZero();
            assertThat(registry.get("storefront.outbox.scheduled").gauge().value())
                    .isEqualTo(db.longValue("SELECT count(*) FROM messaging.outbox")).isPositive();
        } finally {
            db.update("DELETE FROM messaging.outbox WHERE topic = 'test-later'");
        }
    }
}
