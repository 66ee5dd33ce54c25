package shop.storefront.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.Inventory;
import shop.storefront.cluster.CuttableProxy;

/**
 * The primary goes away and there is no read replica: pages rendered before still answer from memory, and one that
 * needs the database says plainly it cannot be shown for a moment (503, Retry-After), never a 500.
 */
@QuarkusTest
@QuarkusTestResource(value = DatabaseOutageWithoutReplicaTest.CuttableDatabase.class, restrictToAnnotatedClass = true)
class DatabaseOutageWithoutReplicaTest {

    /** The only database, behind a relay this test cuts. */
    public static class CuttableDatabase implements QuarkusTestResourceLifecycleManager {
        static CuttableProxy proxy;

        @Override
        public Map<String, String> start() {
            try {
                proxy = new CuttableProxy(8192, 5432);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/${local-services.database}";
            return Map.of("quarkus.datasource.jdbc.url", url, "%local.quarkus.datasource.jdbc.url", url);
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

    @Inject
    CatalogOracle db;
    @Inject
    Inventory inventory;
    @Inject
    RedisDataSource redis;

    /**
     * A change just before the outage (here a price set again, as any sale or edit does) makes every stored listing and
     * that product's page old; while the database is down they are shown as last rendered on this instance, and the
     * API answers from the data last loaded into the catalog cache.
     */
    @Test
    void pagesStoredBeforeACatalogChangeAreShownAsLastRenderedWhileTheDatabaseIsDown() {
        // Not a product other tests watch in the cache: the price set below marks it "changed lately" for a while.
        String product = db.string("SELECT slug FROM catalog.product WHERE status = 'active' ORDER BY id DESC OFFSET 3 LIMIT 1");
        String category = db.string("SELECT c.slug FROM catalog.category c JOIN catalog.product p ON p.category_id = c.id"
                + " WHERE p.slug = ?", product);
        List<Object> variant = db.rows("SELECT v.sku, v.price_amount, v.currency FROM catalog.variant v"
                + " JOIN catalog.product p ON p.id = v.product_id WHERE p.slug = ? ORDER BY v.id LIMIT 1", product).getFirst();
        List<String> pages = List.of("/", "/category/" + category, "/product/" + product, "/search?q=jacket");
        Map<String, String> before = new LinkedHashMap<>();
        pages.forEach(path -> before.put(path, given().accept("text/html").get(path).then().statusCode(200).extract().asString()));
        String api = "/api/v1/products/" + product;
        String apiBefore = given().get(api).then().statusCode(200).extract().asString();
        inventory.setPrice((String) variant.get(0), new Money((BigDecimal) variant.get(1), ((String) variant.get(2)).trim()));

        CuttableDatabase.proxy.cut();
        try {
            pages.forEach(path -> {
                Response page = given().accept("text/html").get(path);
                assertThat(page.statusCode()).as(path).isEqualTo(200);
                assertThat(page.asString()).as(path).isEqualTo(before.get(path));
            });
            // The API has no stored answers; its data comes from the catalog cache's last-known entry.
            Response json = given().get(api);
            assertThat(json.statusCode()).isEqualTo(200);
            assertThat(json.asString()).isEqualTo(apiBefore);
        } finally {
            CuttableDatabase.proxy.restore();
        }
    }

    @Test
    void aPageSeenBeforeStillOpensAndOneNeverSeenSaysItCannotBeShownForAMoment() {
        String seen = db.slugWhere("p.status = 'active'");
        String unseen = db.string("SELECT slug FROM catalog.product WHERE status = 'active' ORDER BY id DESC LIMIT 1");
        // A change to the unseen product, and its last-known cache entries gone, leave nothing of it to show.
        inventory.setStock(db.string("SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id"
                + " WHERE p.slug = ? ORDER BY v.id LIMIT 1", unseen), 7);
        List<String> lastKnown = redis.key().keys("catalog:last:product:" + unseen + ":*");
        if (!lastKnown.isEmpty()) {
            redis.key().del(lastKnown.toArray(String[]::new));
        }
        given().get("/product/" + seen).then().statusCode(200);

        CuttableDatabase.proxy.cut();
        try {
            given().accept("text/html").get("/product/" + seen).then().statusCode(200);

            Response page = given().accept("text/html").get("/product/" + unseen);
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.header("Retry-After")).matches("[1-9][0-9]*");
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.asString()).contains("This page cannot be shown for a moment");

            Response api = given().get("/api/v1/products/" + unseen);
            api.then().statusCode(503).contentType("application/problem+json");
            assertThat(api.jsonPath().getString("detail")).contains("cannot be shown for a moment");

            given().get("/q/health/ready").then().statusCode(200);
            given().get("/q/health/group/database").then().statusCode(503);
        } finally {
            CuttableDatabase.proxy.restore();
        }
    }
}
