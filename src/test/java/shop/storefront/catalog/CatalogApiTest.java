package shop.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CatalogApiTest {

    static {
        // Prices are compared exactly, never as binary floating point.
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.BIG_DECIMAL));
    }

    @Inject
    CatalogOracle db;

    @Test
    void categoryTreeHasTopLevelCategoriesWithChildren() {
        JsonPath tree = given().get("/api/v1/categories").then().statusCode(200).extract().jsonPath();
        assertThat(tree.getList("slug")).hasSize((int) db.longValue("SELECT count(*) FROM catalog.category WHERE parent_id IS NULL"));
        assertThat(tree.getList("find { it.slug == 'clothing' }.children.slug", String.class)).contains("jackets", "knitwear");
        assertThat(db.longValue("SELECT count(*) FROM catalog.category")).isGreaterThanOrEqualTo(12);
    }

    @Test
    void categoryListsActiveProductsOfItsWholeSubtree() {
        JsonPath page = list("category=clothing&per_page=5");
        assertThat(page.getLong("total")).isEqualTo(db.activeInCategory("clothing", null)).isPositive();
        assertThat(page.getList("items")).hasSize(5);
        assertThat(db.longValue("SELECT count(*) FROM catalog.product WHERE status <> 'active'")).as("seed has hidden products").isPositive();
        String hidden = db.slugWhere("p.status = 'draft'");
        given().get("/api/v1/products/" + hidden).then().statusCode(404).contentType("application/problem+json");
    }

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

    @Test
    void eachSortOrdersTheWholeResult() {
        assertSorted("price-asc", "fromPrice.amount", Comparator.<BigDecimal>naturalOrder());
        assertSorted("price-desc", "fromPrice.amount", Comparator.<BigDecimal>reverseOrder());
        List<String> names = list("category=electronics&sort=name&per_page=96").getList("items.name", String.class);
        assertThat(names).isSortedAccordingTo(Comparator.naturalOrder());
        String newest = db.string("SELECT slug FROM catalog.product WHERE status = 'active' ORDER BY created_at DESC, id DESC LIMIT 1");
        assertThat(list("sort=newest&per_page=1").getString("items[0].slug")).isEqualTo(newest);
    }

    @Test
    void paginationCoversEveryProductExactlyOnce() {
        long total = db.activeInCategory("footwear", null);
        int size = 7;
        int pages = (int) ((total + size - 1) / size);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int p = 1; p <= pages; p++) {
            List<String> slugs = list("category=footwear&sort=price-asc&per_page=" + size + "&page=" + p).getList("items.slug", String.class);
            assertThat(slugs).hasSize(p < pages ? size : (int) (total - (long) (pages - 1) * size));
            seen.addAll(slugs);
        }
        assertThat(seen).hasSize((int) total);
        assertThat(list("category=footwear&per_page=" + size + "&page=" + (pages + 1)).getList("items")).isEmpty();
    }

    @Test
    void productDetailHasVariantsWithMoney() {
        String slug = db.slugWhere("p.status = 'active' AND p.id IN (SELECT product_id FROM catalog.variant GROUP BY 1 HAVING count(*) > 2)");
        JsonPath product = given().get("/api/v1/products/" + slug).then().statusCode(200).extract().jsonPath();
        assertThat(product.getList("variants")).hasSize((int) db.longValue(
                "SELECT count(*) FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id WHERE p.slug = ?", slug));
        assertThat(product.getString("variants[0].price.currency")).isEqualTo("EUR");
        assertThat(product.getString("variants[0].price.amount")).as("an exact decimal string").matches("\\d+\\.\\d{2}");
        assertThat(product.getList("breadcrumb.name", String.class)).first().isEqualTo("Home");
        assertThat(product.getString("variants[0].sku")).isEqualTo(db.string(
                "SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id WHERE p.slug = ? ORDER BY v.position, v.id LIMIT 1", slug));
    }

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
    void emptySearchSuggestsSpelling() {
        JsonPath page = search("jaket");
        assertThat(page.getLong("total")).isZero();
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

    @Test
    void openApiDescribesTheCatalogApi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/products"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/search"))
                .body("paths", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("/category/{slug}")))
                .body("paths.'/api/v1/products'.get.parameters.name", org.hamcrest.Matchers.hasItems("category", "brand", "price",
                        "in_stock", "sort", "page", "per_page"))
                .body("paths.'/api/v1/search'.get.parameters.find { it.name == 'q' }.required", equalTo(true))
                .body("paths.'/api/v1/products'.get.parameters.find { it.name == 'sort' }.schema.enum",
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("relevance")));
    }

    @Test
    void unknownCategoryIsAProblem() {
        given().get("/api/v1/products?category=no-such-thing").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404)).body("detail", containsString("no-such-thing"));
        given().get("/api/v1/categories/no-such-thing").then().statusCode(404).body("title", equalTo("Not found"));
        given().get("/api/v1/categories/jackets").then().statusCode(200).body("breadcrumb", hasSize(3));
    }

    private <T> void assertSorted(String sort, String field, Comparator<T> order) {
        JsonPath page = list("category=outdoor&per_page=96&sort=" + sort);
        @SuppressWarnings("unchecked")
        List<T> values = (List<T>) page.getList("items." + field, String.class).stream().map(BigDecimal::new).toList();
        assertThat(values).hasSizeGreaterThan(10).isSortedAccordingTo(order);
    }

    private static JsonPath list(String query) {
        return given().get("/api/v1/products?" + query).then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    private static JsonPath search(String q) {
        return given().queryParam("q", q).get("/api/v1/search").then().statusCode(200).extract().jsonPath();
    }
}
