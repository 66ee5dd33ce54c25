package shop.storefront.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import shop.storefront.account.Accounts;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.cluster.FreezableProxy;

/**
 * Redis gone (refused, then hanging): the instance starts anyway, stays ready and serves the catalog from the
 * database under a limit; cart, sign-in and checkout say they are paused (503, Retry-After), never a 500; a separate
 * health check says Redis is down; and all of it comes back by itself when Redis does. The methods run in order, as
 * one outage and its recovery.
 */
@QuarkusTest
@QuarkusTestResource(value = RedisOutageTest.CuttableRedis.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisOutageTest {

    private static final int MAX_UNCACHED_READS = 2;
    private static final Duration RECOVERY = Duration.ofSeconds(60);

    /** The test Redis behind a relay that is cut before the application starts. */
    public static class CuttableRedis implements QuarkusTestResourceLifecycleManager {
        static FreezableProxy proxy;

        @Override
        public Map<String, String> start() {
            try {
                proxy = new FreezableProxy(6379, 0);
                proxy.cut();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + proxy.port() + "/${local-services.redis-database}",
                    "quarkus.redis.timeout", "1s",
                    "storefront.catalog.max-uncached-reads", String.valueOf(MAX_UNCACHED_READS),
                    "storefront.redis-retry-interval", "200ms");
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
    AgroalDataSource products;

    @Test
    @Order(1)
    void startedWithRedisDownItServesTheCatalogAndStaysReady() {
        String slug = db.slugWhere("status = 'active'");
        for (String path : List.of("/", "/category/clothing", "/search?q=jacket", "/product/" + slug)) {
            Response page = new Shopper().get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.asString()).as(path).contains("<header class=\"site-header\">");
        }
        given().get("/api/v1/products/" + slug).then().statusCode(200);
        given().get("/api/v1/products?category=clothing").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        Response dependencies = given().get("/q/health/group/redis");
        assertThat(dependencies.statusCode()).isEqualTo(503);
        assertThat(dependencies.jsonPath().getString("checks.find { it.name == 'Redis' }.status")).isEqualTo("DOWN");
    }

    @Test
    @Order(2)
    void cartSignInAndCheckoutSayTheyArePaused() {
        Shopper shopper = new Shopper();
        assertPaused(shopper.get("/cart"), "text/html");
        assertPaused(shopper.request().accept("application/json").get("/api/v1/cart"), "application/problem+json");
        assertPaused(shopper.request().contentType("application/json").body(Map.of("sku", sku(), "quantity", 1))
                .post("/api/v1/cart/items"), "application/problem+json");
        assertPaused(shopper.submit("/product/" + db.slugWhere("status = 'active'"), "/cart/add",
                Map.of("sku", sku(), "quantity", "1")), "text/html");
        assertPaused(shopper.submit("/account/sign-in", "/account/sign-in",
                Map.of("email", "someone@example.com", "password", "correct horse battery")), "text/html");
        assertThat(shopper.get("/checkout").statusCode()).isNotEqualTo(500);
        Response header = shopper.request().accept("application/json").get("/api/v1/shopper");
        assertThat(header.statusCode()).isEqualTo(200);
        assertThat(header.jsonPath().getBoolean("signedIn")).isFalse();
        assertThat(header.jsonPath().getInt("cartCount")).isZero();
    }

    @Test
    @Order(3)
    void moreUncachedReadsThanTheLimitAreToldBusyAndTheDatabaseIsSpared() throws Exception {
        int shoppers = 12;
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(shoppers)) {
            List<Future<Integer>> answers = new ArrayList<>();
            // Products locked: every page read waits in PostgreSQL, holding its place, as under a slow database.
            try (Connection lock = products.getConnection()) {
                lock.setAutoCommit(false);
                lock.createStatement().execute("LOCK TABLE catalog.product IN ACCESS EXCLUSIVE MODE");
                for (int i = 0; i < shoppers; i++) {
                    answers.add(clients.submit(this::uncachedCategoryPage));
                }
                Eventually.within(RECOVERY, "all but the first shoppers are told busy",
                        () -> answers.stream().filter(Future::isDone).count() >= shoppers - MAX_UNCACHED_READS);
                // Reads only: a background write (a picture's thumbnails) may be waiting for the lock too.
                assertThat(db.longValue("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND wait_event_type = 'Lock' AND (ltrim(query) ILIKE 'select%' OR ltrim(query) ILIKE 'with%')"))
                        .isLessThanOrEqualTo(MAX_UNCACHED_READS);
                lock.rollback();
            }
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(2, TimeUnit.MINUTES));
            }
        }
        assertThat(statuses).doesNotContain(500);
        assertThat(statuses.stream().filter(s -> s == 503).count()).isGreaterThanOrEqualTo(shoppers - MAX_UNCACHED_READS);
        assertThat(new Shopper().get("/category/clothing").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void whenRedisReturnsTheCartWorksAgainWithoutARestart() throws IOException {
        CuttableRedis.proxy.restore();
        Shopper shopper = new Shopper();
        Map<String, Object> item = Map.of("sku", sku(), "quantity", 1);
        Eventually.within(RECOVERY, "the cart accepts items again", () -> shopper.keep(shopper.request()
                .contentType("application/json").body(item).post("/api/v1/cart/items")).statusCode() == 200);
        assertThat(shopper.request().accept("application/json").get("/api/v1/cart").jsonPath().getInt("itemCount"))
                .isEqualTo(1);
        Eventually.within(RECOVERY, "the dependencies check says Redis is up",
                () -> given().get("/q/health/group/redis").statusCode() == 200);
    }

    @Test
    @Order(5)
    void aHangingRedisIsSkippedOnceNoticedAndRejoinedWhenItAnswers() {
        // From an address of its own: sign-ups are limited per client, and other tests sign up from 127.0.0.1.
        Shopper customer = new Shopper().forwardedFor("198.51.100." + (1 + new java.util.Random().nextInt(250)));
        Response signedUp = Accounts.signUp(customer, Accounts.newEmail(), Accounts.PASSWORD);
        assertThat(signedUp.statusCode()).as(signedUp.asString()).isEqualTo(303);
        assertThat(customer.state().getBoolean("signedIn")).isTrue();
        CuttableRedis.proxy.freeze();
        try {
            // The first requests wait for Redis's timeout ("busy"); once a probe failed, the cart is refused at once.
            Eventually.within(RECOVERY, "the cart says it is paused",
                    () -> customer.get("/cart").asString().contains("unavailable for a moment"));
            // Their session cannot be read: signed out for the moment, and pages still answer.
            assertThat(customer.get("/category/clothing").statusCode()).isEqualTo(200);
            assertThat(customer.get("/account").statusCode()).isNotEqualTo(500);
            assertThat(customer.state().getBoolean("signedIn")).isFalse();
            given().get("/q/health/ready").then().statusCode(200);
        } finally {
            CuttableRedis.proxy.thaw();
        }
        Eventually.within(RECOVERY, "the cart page answers again", () -> customer.get("/cart").statusCode() == 200);
        assertThat(customer.state().getBoolean("signedIn")).isTrue();
    }

    private String sku() {
        return db.string("SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id"
                + " WHERE p.status = 'active' AND v.stock_on_hand > 5 ORDER BY v.id LIMIT 1");
    }

    private static void assertPaused(Response answer, String contentType) {
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith(contentType);
        assertThat(answer.header("Retry-After")).isNotNull();
        assertThat(answer.asString()).contains("unavailable for a moment");
    }

    /** A category page the cache cannot hold; a busy answer says so and when to try again. */
    private int uncachedCategoryPage() {
        Response page = new Shopper().get("/category/clothing");
        if (page.statusCode() == 503) {
            assertThat(page.header("Retry-After")).isEqualTo("2");
            assertThat(page.asString()).contains("very busy");
        }
        return page.statusCode();
    }
}
