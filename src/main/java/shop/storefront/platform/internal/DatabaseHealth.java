package shop.storefront.platform.internal;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Whether PostgreSQL answers, at {@code /q/health/group/database}: DOWN while the primary is out of reach (ordering
 * and account changes are paused), with the read replica's state beside it. Deliberately not a readiness check: with
 * the database down an instance still serves the catalog and carts, and taking every instance out of the load
 * balancer for it would close the whole shop. Nor a liveness check: restarting instances does not bring a database back.
 */
@HealthGroup("database")
@ApplicationScoped
class DatabaseHealth implements HealthCheck {

    /** Seconds a connection may take to prove itself; the pool's acquisition timeout bounds getting one. */
    private static final int VALIDATION_SECONDS = 3;

    private final AgroalDataSource primary;
    private final AgroalDataSource replica;

    DatabaseHealth(AgroalDataSource primary, @DataSource("catalog-read") AgroalDataSource replica) {
        this.primary = primary;
        this.replica = replica;
    }

    @Override
    public HealthCheckResponse call() {
        String primaryState = state(primary);
        return with(HealthCheckResponse.named("PostgreSQL primary (orders, accounts)"), primaryState)
                .withData("primary", primaryState)
                .withData("catalog-read", state(replica))
                .build();
    }

    private static HealthCheckResponseBuilder with(HealthCheckResponseBuilder builder, String state) {
        return "UP".equals(state) ? builder.up() : builder.down();
    }

    /** "UP", or "DOWN: " and why. */
    private static String state(AgroalDataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_SECONDS) ? "UP" : "DOWN: the connection did not answer";
        } catch (SQLException e) {
            return "DOWN: " + e.getMessage();
        }
    }
}
