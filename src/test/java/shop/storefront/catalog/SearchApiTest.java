package shop.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static shop.storefront.catalog.CatalogRequests.search;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Full-text search through the API: ranking, prefixes, web-search syntax, spelling suggestions, JSON requests. */
@QuarkusTest
class SearchApiTest {

    @Inject
    CatalogOracle db;

    @Test
    void searchRanksNameMatchesFirstAndMatchesPrefixes() {
        JsonPath page = given().get("/api/v1/search?q=backpack&per_page=96").then().statusCode(200).extract().jsonPath();
        assertThat(page.getLong("total")).isEqualTo(db.longValue(
                "SELECT count(*) FROM catalog.product WHERE status = 'active' AND search_vector @@ to_tsquery('english', 'backpack:*')"));
        // Name hits (weight A) outrank description-only hits (weight C).
        assertThat(page.getString("items[0].name")).containsIgnoringCase("backpack");
        long prefix = given().get("/api/v1/search?q=backp").then().statusCode(200).extract().jsonPath().getLong("total");
        assertThat(prefix).isEqualTo(page.getLong("total"));
    }

    @Test
    void searchUnderstandsWebSearchSyntax() {
        long all = search("jacket").getLong("total");
        long withoutWaterproof = search("jacket -waterproof").getLong("total");
        assertThat(withoutWaterproof).isPositive().isLessThan(all).isEqualTo(db.longValue(
                "SELECT count(*) FROM catalog.product WHERE status = 'active' AND search_vector @@ websearch_to_tsquery('english', 'jacket -waterproof')"));
        assertThat(search("\"waterproof jacket\"").getList("items.name", String.class))
                .allMatch(n -> n.toLowerCase().contains("waterproof") && n.toLowerCase().contains("jacket"));
    }

    @Test
    void misspeltSearchFindsAndSuggestsTheCorrection() {
        JsonPath page = search("jaket");
        assertThat(page.getLong("total")).isPositive();
        assertThat(page.getList("suggestions", String.class)).containsExactly("jacket");
    }

    @Test
    void searchByJsonBodyUsesTheSameFilters() {
        String brand = db.topBrand("clothing");
        given().contentType("application/json")
                .body(Map.of("q", "jacket", "brands", List.of(brand), "perPage", 3, "sort", "price-asc"))
                .post("/api/v1/search").then().statusCode(200)
                .body("size", equalTo(3))
                .body("total", equalTo((int) db.longValue("SELECT count(*) FROM catalog.product p WHERE p.status = 'active' AND p.brand = ?"
                        + " AND p.search_vector @@ (websearch_to_tsquery('english', 'jacket') || to_tsquery('english', 'jacket:*'))", brand)));
    }
}
