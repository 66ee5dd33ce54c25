package shop.storefront.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.cluster.FreezableProxy;

/**
 * Redis that stops answering (overload, failover) makes requests that need it answer 503 with Retry-After and
 * a plain message, not a 500; once it answers again, so does the shop, without a restart.
 */
@QuarkusTest
@QuarkusTestResource(value = RedisStallTest.StallableRedis.class, restrictToAnnotatedClass = true)
class RedisStallTest {

    /** The test Redis behind a relay that can hold back every command. */
    public static class StallableRedis implements QuarkusTestResourceLifecycleManager {
        static FreezableProxy proxy;

        @Override
        public Map<String, String> start() {
            try {
                proxy = new FreezableProxy(6379, 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + proxy.port() + "/1", "quarkus.redis.timeout", "1s");
        }

        @Override
        public void stop() {
            try {
                proxy.close();
            } catch (IOException e) {
                // the test is over
            }
        }
    }

    @jakarta.inject.Inject
    CatalogOracle db;

    @Test
    void aStalledRedisGivesABusyAnswerAndTheShopRecoversWhenItAnswersAgain() {
        String sku = db.string("SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id"
                + " WHERE p.status = 'active' AND v.stock_on_hand > 0 ORDER BY v.id LIMIT 1");
        Map<String, Object> item = Map.of("sku", sku, "quantity", 1);
        StallableRedis.proxy.freeze();
        try {
            Response busy = given().contentType("application/json").body(item).post("/api/v1/cart/items");
            busy.then().statusCode(503).contentType("application/problem+json");
            assertThat(busy.header("Retry-After")).isEqualTo("2");
            assertThat(busy.jsonPath().getString("detail")).contains("very busy");
        } finally {
            StallableRedis.proxy.thaw();
        }
        // The stall marked Redis down; the background probe notices within a second or two that it answers again.
        Eventually.within(java.time.Duration.ofSeconds(60), "the cart accepts items again",
                () -> given().contentType("application/json").body(item).post("/api/v1/cart/items").statusCode() == 200);
    }
}
