package shop.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Searches with swapped, missing or doubled letters and joined words find what the shopper meant, in the API
 * and the page alike; a suggestion appears only when it finds products itself; nonsense still finds nothing.
 * Expectations come from the demo catalog's names, read from the database.
 */
@QuarkusTest
class TypoTolerantSearchTest {

    private static final int PER_PAGE = 24;

    @Inject
    CatalogOracle db;

    @ParameterizedTest(name = "\"{0}\" finds products named \"{1}\"")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            jakcet      | jacket       | jacket
            jaket       | jacket       | jacket
            tshirt      | t-shirt      | none
            tshirts     | t-shirt      | none
            sleepingbags | sleeping bag | none
            sleepingbag | sleeping bag | none
            hedphones   | headphones   | headphones
            bakcpack    | backpack     | backpack
            sleping bag | sleeping bag | sleeping bag
            """)
    void findsWhatWasMeant(String typed, String meant, String suggestion) {
        long named = db.longValue("SELECT count(*) FROM catalog.product WHERE status = 'active' AND lower(name) LIKE ?",
                "%" + meant + "%");
        assertThat(named).as("demo products named like %s", meant).isPositive();
        JsonPath page = search(typed, "");
        assertThat(page.getLong("total")).isGreaterThanOrEqualTo(named);
        // Name matches rank first.
        List<String> names = page.getList("items.name", String.class);
        assertThat(names).hasSizeGreaterThanOrEqualTo((int) Math.min(named, PER_PAGE));
        assertThat(names.subList(0, (int) Math.min(named, PER_PAGE))).allMatch(name -> name.toLowerCase(Locale.ROOT).contains(meant));
        assertThat(page.getList("suggestions", String.class)).isEqualTo(suggestion == null ? List.of() : List.of(suggestion));

        String html = given().accept("text/html").queryParam("q", typed).get("/search").then().statusCode(200).extract().asString();
        assertThat(html).contains("class=\"card\"").doesNotContain("We found nothing");
        if (suggestion != null) {
            assertThat(html).contains("Did you mean <a href=\"/search?q=" + URLEncoder.encode(suggestion, StandardCharsets.UTF_8)
                    + "\">" + suggestion + "</a>");
        } else {
            assertThat(html).doesNotContain("Did you mean");
        }
    }

    @ParameterizedTest(name = "\"{0}\" finds nothing and suggests nothing")
    @CsvSource({"xqzvwk", "qqqq zzzz", "jakcetxqzv"})
    void nonsenseFindsNothing(String typed) {
        JsonPath page = search(typed, "");
        assertThat(page.getLong("total")).isZero();
        assertThat(page.getList("suggestions", String.class)).isEmpty();
        assertThat(given().accept("text/html").queryParam("q", typed).get("/search").then().statusCode(200).extract().asString())
                .contains("We found nothing for").doesNotContain("Did you mean");
    }

    @Test
    void noSuggestionForAWordOnlyProductsNobodyCanBuyHave() {
        long category = db.longValue("SELECT min(id) FROM catalog.category");
        db.update("INSERT INTO catalog.product (slug, name, brand, status, category_id) VALUES (?, ?, ?, 'draft', ?)"
                + " ON CONFLICT (slug) DO NOTHING", "zanzibarite-lamp-draft", "Zanzibarite Lamp", "Drafts", category);
        JsonPath page = search("zanzibarrite", "");
        assertThat(page.getLong("total")).isZero();
        assertThat(page.getList("suggestions", String.class)).isEmpty();
    }

    @Test
    void filtersFacetsAndPagesWorkOnTypoTolerantResults() {
        JsonPath all = search("jakcet", "&per_page=2");
        long total = all.getLong("total");
        assertThat(total).isGreaterThan(2);
        assertThat(all.getList("facets.param", String.class)).contains("brand", "price");
        String brand = all.getString("facets.find { it.param == 'brand' }.values[0].value");
        long brandCount = all.getLong("facets.find { it.param == 'brand' }.values[0].count");

        JsonPath filtered = search("jakcet", "&per_page=96&brand=" + URLEncoder.encode(brand, StandardCharsets.UTF_8));
        assertThat(filtered.getLong("total")).isEqualTo(brandCount).isLessThanOrEqualTo(total);
        assertThat(filtered.getList("items.brand", String.class)).isNotEmpty().allMatch(brand::equals);

        JsonPath second = search("jakcet", "&per_page=2&page=2");
        assertThat(second.getList("items.slug", String.class)).hasSize(2)
                .doesNotContainAnyElementsOf(all.getList("items.slug", String.class));
        assertThat(search("jakcet", "&per_page=96&sort=price-asc").getList("items.name", String.class)).hasSize((int) Math.min(total, 96));
    }

    @Test
    void correctlySpeltSearchIsNotWidenedByTypoMatching() {
        // "packet" is one letter from "jacket": the exact search must not pull in anything fuzzy.
        long exact = db.longValue("SELECT count(*) FROM catalog.product WHERE status = 'active'"
                + " AND search_vector @@ (websearch_to_tsquery('english', 'jacket') || to_tsquery('english', 'jacket:*'))");
        JsonPath page = search("jacket", "");
        assertThat(page.getLong("total")).isEqualTo(exact);
        assertThat(page.getList("suggestions", String.class)).isEmpty();
    }

    private static JsonPath search(String q, String more) {
        return given().urlEncodingEnabled(false).get("/api/v1/search?q=" + q.replace(" ", "+") + more).then().statusCode(200).extract().jsonPath();
    }
}
