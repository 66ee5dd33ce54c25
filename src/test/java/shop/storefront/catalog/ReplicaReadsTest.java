package shop.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * Listings and search run on the catalog-read datasource (the replica in production, the primary here), inside a
 * read-only transaction (SearchApiTest's spelling suggestions depend on its transaction-local setting).
 */
@QuarkusTest
class ReplicaReadsTest {

    @Inject
    CatalogOracle db;
    @Inject
    @DataSource("catalog-read")
    AgroalDataSource replica;

    @Test
    void listingsAndSearchRunOnTheReplicaConnection() throws Exception {
        String before = db.string("SELECT coalesce(max(xact_start)::text, '') FROM pg_stat_activity WHERE application_name = 'storefront-catalog-read'");
        // A search nobody made before, so the answer cannot come from the Redis cache; misspelt on purpose so that
        // the typo-tolerant queries run as well.
        String term = "jakcet" + System.nanoTime();
        assertThat(given().queryParam("q", term).get("/api/v1/search").then().statusCode(200).extract().jsonPath().getInt("total")).isZero();
        assertThat(db.longValue("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'storefront-catalog-read'"))
                .as("replica pool connections, tagged by application name").isPositive();
        assertThat(db.string("SELECT coalesce(max(query_start)::text, '') FROM pg_stat_activity WHERE application_name = 'storefront-catalog-read'"))
                .isGreaterThan(before);
        try (Connection c = replica.getConnection(); ResultSet r = c.createStatement().executeQuery("SELECT current_database()")) {
            r.next();
            assertThat(r.getString(1)).as("falls back to the primary's database").isEqualTo(db.string("SELECT current_database()"));
        }
    }
}
