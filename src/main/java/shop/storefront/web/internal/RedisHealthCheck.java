package shop.storefront.web.internal;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import shop.storefront.web.RedisAvailability;

/**
 * Says whether Redis answers, in the health group {@value #GROUP} ({@code /q/health/group/redis}), not in
 * readiness: Redis down is the same for every instance, and each one still serves the catalog from the database, so
 * the load balancer taking them all out would close the shop instead of only the cart and sign-in. (Quarkus's own
 * Redis readiness check is off for that reason: {@code quarkus.redis.health.enabled}.) Alarms watch this group.
 */
@HealthGroup(RedisHealthCheck.GROUP)
@ApplicationScoped
class RedisHealthCheck implements AsyncHealthCheck {

    static final String GROUP = "redis";

    private final RedisAvailability redis;

    RedisHealthCheck(RedisAvailability redis) {
        this.redis = redis;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().completionStage(redis.probe().toCompletionStage())
                .map(up -> HealthCheckResponse.named("Redis").status(up)
                        .withData("serving", up ? "everything" : "catalog only: carts, sign-in and checkout paused")
                        .build());
    }
}
