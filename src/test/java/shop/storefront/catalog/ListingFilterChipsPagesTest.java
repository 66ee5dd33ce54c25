package shop.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each active filter of a listing is a chip: a plain link to the same listing without that one value, its URL
 * encoded, back on the first page, the search text, sort and page size kept; "Clear all" drops every filter.
 */
@QuarkusTest
class ListingFilterChipsPagesTest {

    private static final Pattern CHIP = Pattern.compile(
            "<a class=\"chip\" href=\"([^\"]*)\"><span class=\"visually-hidden\">Remove filter: </span>"
                    + "<span class=\"chip-group\">([^<]*)</span> ([^<]*)<span class=\"chip-remove\" aria-hidden=\"true\">×</span></a>");
    private static final Pattern CLEAR_ALL = Pattern.compile("<a class=\"chips-clear\" href=\"([^\"]*)\">Clear all</a>");
    private static final Pattern SCRIPT = Pattern.compile("<script defer src=\"(/assets/[0-9a-f]{12}/js/listing\\.js)\"></script>");

    @Inject
    CatalogOracle db;

    @Test
    void eachChipLinksToTheFirstPageWithoutItsOwnValue() {
        long matching = db.activeInCategory("clothing", "p.brand = ? AND p.in_stock AND p.id IN"
                + " (SELECT product_id FROM catalog.variant WHERE options->>'size' = 'M')", "Cobalt & Co");
        assertThat(matching).as("a second page to start from").isGreaterThanOrEqualTo(2);
        String html = page("/category/clothing", Map.of("brand", List.of("Cobalt & Co", "Lumen"), "opt.size", List.of("M"),
                "in_stock", List.of("true"), "sort", List.of("price-asc"), "per_page", List.of("1"), "page", List.of("2")));

        assertThat(chips(html)).containsExactly(
                chip("Brand", "Cobalt &amp; Co", "/category/clothing?brand=Lumen&opt.size=M&in_stock=true&sort=price-asc&per_page=1"),
                chip("Brand", "Lumen", "/category/clothing?brand=Cobalt+%26+Co&opt.size=M&in_stock=true&sort=price-asc&per_page=1"),
                chip("Size", "M", "/category/clothing?brand=Cobalt+%26+Co&brand=Lumen&in_stock=true&sort=price-asc&per_page=1"),
                chip("Availability", "In stock", "/category/clothing?brand=Cobalt+%26+Co&brand=Lumen&opt.size=M&sort=price-asc&per_page=1"));
        assertThat(clearAll(html)).isEqualTo("/category/clothing?sort=price-asc&per_page=1");
        assertThat(html).contains("<summary>Filters (4 active)</summary>");
    }

    @Test
    void aPriceChipReadsLikeItsBandAndARangeTypedByHandStillGetsOne() {
        String band = page("/category/jackets", Map.of("price", List.of("50-100")));
        assertThat(chips(band)).containsExactly(chip("Price", radioLabel(band, "price", "50-100"), "/category/jackets"));

        String typed = page("/category/jackets", Map.of("price", List.of("30-60.5")));
        assertThat(chips(typed)).containsExactly(chip("Price", "30 – 60.5", "/category/jackets"));
        assertThat(chips(page("/category/jackets", Map.of("price", List.of("200-"))))).extracting(c -> c.get("label"))
                .containsExactly("From 200");
    }

    @Test
    void searchChipsKeepTheTextAndFiltersThatLeaveNothingKeepTheListing() {
        String html = page("/search", Map.of("q", List.of("jacket"), "brand", List.of("No Such Brand")));
        assertThat(html).contains("0 products", "No products match these filters.").doesNotContain("We found nothing");
        assertThat(chips(html)).containsExactly(chip("Brand", "No Such Brand", "/search?q=jacket"));
        assertThat(clearAll(html)).isEqualTo("/search?q=jacket");
    }

    @Test
    void withoutFiltersThereAreNoChips() {
        String html = page("/category/jackets", Map.of());
        assertThat(html).contains("<summary>Filters</summary>").doesNotContain("class=\"chip", "Clear all");
    }

    @Test
    void theListingScriptIsOurOwnFingerprintedFileAndTheCspLetsItRun() {
        Response response = given().accept("text/html").get("/category/jackets");
        Matcher script = SCRIPT.matcher(response.asString());
        assertThat(script.find()).as("listing.js linked from the page").isTrue();
        assertThat(response.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
        Response file = given().get(script.group(1));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.contentType()).startsWith("text/javascript");
        assertThat(file.asString()).contains("history.pushState");
    }

    private static String page(String path, Map<String, List<String>> query) {
        var request = given().accept("text/html");
        query.forEach((name, values) -> request.queryParam(name, values));
        return request.get(path).then().statusCode(200).extract().asString();
    }

    private static Map<String, String> chip(String group, String label, String href) {
        Map<String, String> chip = new LinkedHashMap<>();
        chip.put("group", group);
        chip.put("label", label);
        chip.put("href", href);
        return chip;
    }

    private static List<Map<String, String>> chips(String html) {
        List<Map<String, String>> chips = new ArrayList<>();
        Matcher m = CHIP.matcher(html);
        while (m.find()) {
            chips.add(chip(m.group(2), m.group(3), m.group(1).replace("&amp;", "&")));
        }
        return chips;
    }

    private static String clearAll(String html) {
        Matcher m = CLEAR_ALL.matcher(html);
        assertThat(m.find()).as("a Clear all link").isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    /** The text of the facet box for a value, as the page shows it beside the box. */
    private static String radioLabel(String html, String name, String value) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"" + Pattern.quote(value)
                + "\" checked>\\s*([^<]*?) <span class=\"count\">").matcher(html);
        assertThat(m.find()).as("the " + name + " box for " + value).isTrue();
        return m.group(1);
    }
}
