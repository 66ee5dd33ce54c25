package shop.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import shop.storefront.platform.Money;
import shop.storefront.web.Eventually;

/**
 * With a read replica configured, listings read soon after a catalog change may be the replica's older rows:
 * they are cached only as long as the replica may lag, never for the full cache TTL.
 */
@QuarkusTest
@TestProfile(ReplicaLagCacheTest.WithReplica.class)
class ReplicaLagCacheTest {

    /**
     * Far longer than a search takes even on a busy machine, so the search right after the change always falls
     * within it, and far shorter than the cache TTL (10 min), so the two kinds of entry are told apart by their TTL.
     */
    static final long MAX_LAG_MS = Duration.ofMinutes(2).toMillis();

    /** The "replica" is the primary's database under its own pool, as it is when the reader endpoint is set. */
    public static class WithReplica implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("storefront.read-replica-url", "${quarkus.datasource.jdbc.url}",
                    "storefront.read-replica-max-lag", MAX_LAG_MS + "ms");
        }
    }

    @Inject
    CatalogOracle db;
    @Inject
    Inventory inventory;
    @Inject
    RedisDataSource redis;

    @Test
    void listingsReadRightAfterAChangeExpireWithinTheReplicaLagAndLaterOnesLiveTheFullTtl() {
        String sku = db.string("SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id"
                + " WHERE p.status = 'active' ORDER BY v.id LIMIT 1");
        String price = db.string("SELECT price_amount::text FROM catalog.variant WHERE sku = ?", sku);
        // Only this test's change may shorten the entries below, not an earlier one: the demo catalog's load at start-up,
        // or its pictures' thumbnails, which refresh their products' entries when they are done.
        Eventually.within(Duration.ofMinutes(3), "the demo pictures' thumbnails are made",
                () -> db.longValue("SELECT count(*) FROM catalog.product_image WHERE NOT thumbnails_ready") == 0);
        endChangeMarkers();
        inventory.setPrice(sku, Money.of("2.34", "EUR"));
        try {
            List<Long> soon = ttlsOfNewListingEntries("tent");
            assertThat(soon).as("cached right after the change").isNotEmpty()
                    .allSatisfy(ttl -> assertThat(ttl).isPositive().isLessThanOrEqualTo(MAX_LAG_MS));

            assertThat(redis.key().pttl("catalog:changed:listings")).as("the change marker lives for the replica lag")
                    .isPositive().isLessThanOrEqualTo(MAX_LAG_MS);
            // Instead of waiting for the lag to pass, end the markers as their expiry would.
            endChangeMarkers();
            List<Long> later = ttlsOfNewListingEntries("jacket");
            assertThat(later).as("cached once the replica has caught up").isNotEmpty()
                    .allSatisfy(ttl -> assertThat(ttl).isGreaterThan(Duration.ofMinutes(5).toMillis()));
        } finally {
            inventory.setPrice(sku, Money.of(price, "EUR"));
        }
    }

    private void endChangeMarkers() {
        List<String> markers = redis.key().keys("catalog:changed:*");
        if (!markers.isEmpty()) {
            redis.key().del(markers.toArray(String[]::new));
        }
    }

    /** Runs a search nobody ran before and returns the time to live (ms) of the listing entries it added to Redis. */
    private List<Long> ttlsOfNewListingEntries(String word) {
        Set<String> before = new HashSet<>(redis.key().keys("catalog:listings:v*"));
        given().queryParam("q", word + " " + System.nanoTime()).get("/api/v1/search").then().statusCode(200);
        return redis.key().keys("catalog:listings:v*").stream().filter(k -> !before.contains(k)).map(k -> redis.key().pttl(k)).toList();
    }
}
