package shop.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static shop.storefront.catalog.CatalogRequests.list;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Listing filters through the API, each checked against the database, and the facet counts beside them. */
@QuarkusTest
class ListingFiltersApiTest {

    @Inject
    CatalogOracle db;

    @Test
    void brandFilterAndItsFacetCounts() {
        String brand = db.topBrand("footwear");
        JsonPath page = list("category=footwear&per_page=96&brand=" + brand);
        long expected = db.activeInCategory("footwear", "p.brand = ?", brand);
        assertThat(page.getLong("total")).isEqualTo(expected);
        assertThat(page.getList("items.brand", String.class)).containsOnly(brand);
        // Brand counts ignore the brand filter itself, so other brands stay selectable with true counts.
        Map<String, Object> facet = page.getMap("facets.find { it.param == 'brand' }.values.find { it.value == '" + brand + "' }");
        assertThat(facet).containsEntry("selected", true);
        assertThat(((Number) facet.get("count")).longValue()).isEqualTo(expected);
        assertThat(page.getList("facets.find { it.param == 'brand' }.values")).hasSizeGreaterThan(1);
    }

    @Test
    void twoBrandsAreCombinedWithOr() {
        // "Cobalt & Co" sorts among the first two: the ampersand must survive the round trip.
        List<List<Object>> brands = db.rows("SELECT DISTINCT brand FROM catalog.product ORDER BY brand LIMIT 2");
        String a = (String) brands.get(0).getFirst();
        String b = (String) brands.get(1).getFirst();
        JsonPath page = given().queryParam("category", "outdoor").queryParam("brand", a, b).get("/api/v1/products")
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.getLong("total")).isEqualTo(db.activeInCategory("outdoor", "p.brand IN (?, ?)", a, b));
    }

    @Test
    void priceRangeFilterAndFacet() {
        JsonPath page = list("category=clothing&price=25-50&per_page=96");
        assertThat(page.getLong("total")).isEqualTo(db.activeInCategory("clothing",
                "p.min_price_amount >= 25 AND p.min_price_amount < 50"));
        page.getList("items.fromPrice.amount", String.class).stream().map(BigDecimal::new).forEach(price ->
                assertThat(price).isGreaterThanOrEqualTo(new BigDecimal("25")).isLessThan(new BigDecimal("50")));
        assertThat(page.getBoolean("facets.find { it.param == 'price' }.values.find { it.value == '25-50' }.selected")).isTrue();
        assertThat(list("category=clothing&price=250-").getLong("total"))
                .isEqualTo(db.activeInCategory("clothing", "p.min_price_amount >= 250"));
    }

    @Test
    void optionFilterMatchesVariantsAndCountsPerValue() {
        JsonPath page = list("category=clothing&opt.size=M&per_page=5");
        long expected = db.activeInCategory("clothing",
                "EXISTS (SELECT 1 FROM catalog.variant v WHERE v.product_id = p.id AND v.options ->> 'size' = 'M')");
        assertThat(page.getLong("total")).isEqualTo(expected);
        assertThat(page.getLong("facets.find { it.param == 'opt.size' }.values.find { it.value == 'M' }.count")).isEqualTo(expected);
        // Sizes are listed in wearing order, not alphabetically.
        assertThat(page.getList("facets.find { it.param == 'opt.size' }.values.value", String.class))
                .containsSubsequence("XS", "S", "M", "L", "XL");
        String first = page.getString("items[0].slug");
        given().get("/api/v1/products/" + first).then().statusCode(200).body("variants.options.size", hasItem("M"));
    }

    @Test
    void optionRowsFollowVariantEdits() {
        String sku = db.string("SELECT v.sku FROM catalog.variant v WHERE (SELECT count(*) FROM catalog.variant w"
                + " WHERE w.product_id = v.product_id) = 1 ORDER BY v.id LIMIT 1");
        db.update("UPDATE catalog.variant SET options = '{\"colour\": \"Ultraviolet\"}'::jsonb WHERE sku = ?", sku);
        assertThat(db.rows("SELECT o.key, o.value FROM catalog.product_option o JOIN catalog.variant v ON v.product_id = o.product_id"
                + " WHERE v.sku = ?", sku)).containsExactly(List.of("colour", "Ultraviolet"));
        db.update("DELETE FROM catalog.variant WHERE sku = ?", sku);
        assertThat(db.longValue("SELECT count(*) FROM catalog.product_option WHERE value = 'Ultraviolet'")).isZero();
    }

    @Test
    void inStockFilterShowsOnlyAvailableProducts() {
        JsonPath page = list("category=home&in_stock=true&per_page=96");
        assertThat(page.getLong("total")).isEqualTo(db.activeInCategory("home", "p.in_stock"));
        assertThat(page.getList("items.inStock", Boolean.class)).containsOnly(true);
        assertThat(db.activeInCategory("home", "NOT p.in_stock")).as("seed has sold-out products").isPositive();
    }
}
