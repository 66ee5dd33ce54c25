package shop.storefront.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The probes the load balancer and the Auto Scaling Group rely on. */
@QuarkusTest
class HealthTest {

    @Test
    void readinessChecksNeitherTheDatabaseNorRedis() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", not(hasItem(containsString("Redis"))))
                .body("checks.name", not(hasItem(containsString("Database"))))
                .body("checks.name", not(hasItem(containsString("PostgreSQL"))));
    }

    /** The database has a check of its own, outside readiness and liveness (DatabaseOutageTest sees it go DOWN). */
    @Test
    void theDatabaseGroupSaysWhetherPostgresAnswers() {
        given().get("/q/health/group/database").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks[0].name", equalTo("PostgreSQL primary (orders, accounts)"))
                .body("checks[0].data.primary", equalTo("UP"))
                .body("checks[0].data.'catalog-read'", equalTo("UP"));
    }

    /** Redis too (RedisOutageTest sees it go DOWN). */
    @Test
    void theRedisGroupSaysWhetherRedisAnswers() {
        given().get("/q/health/group/redis").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Redis"));
    }

    @Test
    void livenessAndStartup() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsArePublished() {
        given().get("/").then().statusCode(200); // at least one application request to count
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("http_server_requests_seconds"));
    }
}
