package shop.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shopper pages render the catalog as the database holds it, with working filters and SEO markup. */
@QuarkusTest
class CatalogPagesTest {

    @Inject
    CatalogOracle db;

    @Test
    void homeShowsCategoriesAndFeaturedProducts() {
        String html = page("/");
        assertThat(html).contains("Shop by category", "href=\"/category/clothing\"", "href=\"/category/jackets\"");
        String featured = db.string("SELECT name FROM catalog.product WHERE featured AND status = 'active' ORDER BY created_at DESC, id LIMIT 1");
        assertThat(html).contains(featured);
        assertThat(html).contains("<link rel=\"canonical\" href=\"http://localhost:8081/\">");
    }

    @Test
    void categoryPageListsProductsWithFacetsAndPaging() {
        long total = db.activeInCategory("clothing", null);
        String html = page("/category/clothing");
        assertThat(html).contains("<h1>Clothing</h1>", total + " products", "<legend>Brand</legend>", "<legend>Price</legend>",
                "<legend>Size</legend>", "<legend>Availability</legend>", "rel=\"next\" href=\"/category/clothing?page=2\"");
        assertThat(countOf(html, "class=\"card\"")).isEqualTo(24);
        assertThat(html).contains("\"@type\":\"BreadcrumbList\"", "<meta name=\"description\"");
    }

    @Test
    void filtersAndSortApplyThroughThePlainForm() {
        String brand = db.topBrand("jackets");
        // Brands such as "Cobalt & Co" need encoding in the query and escaping in the page.
        String html = given().accept("text/html").queryParam("brand", brand).queryParam("in_stock", "true")
                .queryParam("sort", "price-desc").get("/category/jackets").then().statusCode(200).extract().asString();
        long expected = db.activeInCategory("jackets", "p.brand = ? AND p.in_stock", brand);
        assertThat(html).contains(expected + " product");
        assertThat(html).contains("value=\"" + brand.replace("&", "&amp;") + "\" checked", "name=\"in_stock\" value=\"true\" checked",
                "<option value=\"price-desc\" selected>");
        String mostExpensive = db.string("SELECT p.name FROM catalog.product p JOIN catalog.category c ON c.id = p.category_id"
                + " WHERE c.slug = 'jackets' AND p.status = 'active' AND p.brand = ? AND p.in_stock ORDER BY p.min_price_amount DESC, p.id LIMIT 1", brand);
        assertThat(firstCardName(html)).isEqualTo(mostExpensive);
    }

    @Test
    void lastPageAndPagesBeyondIt() {
        long total = db.activeInCategory("clothing", null);
        int last = (int) ((total + 23) / 24);
        String html = page("/category/clothing?page=" + last);
        assertThat(html).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
        assertThat(html).contains("<link rel=\"canonical\" href=\"http://localhost:8081/category/clothing?page=" + last + "\">");
        given().get("/category/clothing?page=" + (last + 1)).then().statusCode(404)
                .body(containsString("only " + last + " pages"));
    }

    @Test
    void productPageShowsVariantsPriceStockAndStructuredData() {
        String slug = db.slugWhere("p.status = 'active' AND p.id IN (SELECT product_id FROM catalog.variant GROUP BY 1 HAVING count(*) > 2)");
        String html = page("/product/" + slug);
        String name = db.string("SELECT name FROM catalog.product WHERE slug = ?", slug);
        assertThat(html).contains("<h1>" + name + "</h1>", "\"@type\":\"Product\"", "\"@type\":\"Offer\"",
                "<fieldset class=\"options\">", "aria-label=\"Breadcrumb\"", "class=\"price\"");
        // A link to one SKU shows that variant, its options checked in the add-to-cart form.
        String sku = db.string("SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id"
                + " WHERE p.slug = ? ORDER BY v.position DESC LIMIT 1", slug);
        String option = db.string("SELECT CASE WHEN count(DISTINCT v.options->>'size') > 1 THEN 'size' ELSE 'colour' END"
                + " FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id WHERE p.slug = ?", slug);
        String value = db.string("SELECT options->>? FROM catalog.variant WHERE sku = ?", option, sku);
        assertThat(page("/product/" + slug + "?sku=" + sku)).contains("name=\"" + option + "\" value=\"" + value + "\" checked", "SKU " + sku);
    }

    @Test
    void outOfStockVariantSaysSo() {
        String sku = db.string("SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id"
                + " WHERE p.status = 'active' AND v.stock_on_hand = 0 ORDER BY v.id LIMIT 1");
        String slug = db.string("SELECT p.slug FROM catalog.product p JOIN catalog.variant v ON v.product_id = p.id WHERE v.sku = ?", sku);
        assertThat(page("/product/" + slug + "?sku=" + sku)).contains("class=\"stock out-of-stock\"", "Out of stock");
    }

    @Test
    void searchPageShowsResultsAndHelpsWhenNothingMatches() {
        assertThat(page("/search?q=tent")).contains("Results for “tent”", "class=\"card\"");
        String misspelt = page("/search?q=jaket");
        assertThat(misspelt).contains("Did you mean <a href=\"/search?q=jacket\">jacket</a>", "class=\"card\"");
        assertThat(page("/search?q=xqzvwk")).contains("We found nothing for “xqzvwk”").doesNotContain("Did you mean");
        assertThat(page("/search")).contains("Type what you are looking for");
    }

    @Test
    void userTextIsEscapedEverywhere() {
        String html = given().accept("text/html").queryParam("q", "<script>alert(1)</script>").get("/search")
                .then().statusCode(200).extract().asString();
        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        // A brand with an ampersand is escaped in HTML and unicode-escaped inside JSON-LD.
        String slug = db.slugWhere("p.status = 'active' AND p.brand = 'Cobalt & Co'");
        String product = page("/product/" + slug);
        assertThat(product).contains("Cobalt &amp; Co").contains("Cobalt \\u0026 Co").doesNotContain("\"Cobalt & Co\"");
    }

    @Test
    void seoFilesListTheCatalog() {
        String index = given().get("/sitemap.xml").then().statusCode(200).contentType("application/xml").extract().asString();
        assertThat(index).contains("<sitemapindex", "http://localhost:8081/sitemaps/products-1.xml", "/sitemaps/categories.xml");
        String products = given().get("/sitemaps/products-1.xml").then().statusCode(200).extract().asString();
        assertThat(countOf(products, "<url>")).isEqualTo(db.longValue("SELECT count(*) FROM catalog.product WHERE status = 'active'"));
        assertThat(products).doesNotContain(db.slugWhere("p.status = 'draft'") + "<");
        given().get("/sitemaps/categories.xml").then().statusCode(200).body(containsString("/category/sleeping-bags"));
        given().get("/sitemaps/products-99.xml").then().statusCode(404);
        given().get("/robots.txt").then().statusCode(200).body(containsString("Sitemap: http://localhost:8081/sitemap.xml"))
                .body(containsString("Disallow: /api/"));
    }

    @Test
    void seededPicturesAreServedWithTheirSizeAndOnlyThePagesFirstPictureLoadsEagerly() {
        List<String> images = new ArrayList<>();
        Matcher img = Pattern.compile("<img [^>]*>").matcher(page("/category/clothing"));
        while (img.find()) {
            images.add(img.group());
        }
        assertThat(images).hasSize(24).allSatisfy(tag -> assertThat(tag).containsPattern("width=\"\\d+\" height=\"\\d+\""));
        assertThat(images.getFirst()).doesNotContain("loading=");
        assertThat(images.subList(1, images.size())).allSatisfy(tag -> assertThat(tag).contains("loading=\"lazy\""));
        Matcher src = Pattern.compile("src=\"(/media/products/[0-9a-f]{64}/[a-z0-9]+\\.jpg)\"").matcher(images.getFirst());
        assertThat(src.find()).as("a stored picture: %s", images.getFirst()).isTrue();
        given().get(src.group(1)).then().statusCode(200).contentType("image/jpeg");
    }

    @Test
    void securityHeadersOnPages() {
        given().get("/").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("Referrer-Policy", "strict-origin-when-cross-origin");
    }

    static String page(String path) {
        return given().accept("text/html").get(path).then().statusCode(200).contentType("text/html").extract().asString();
    }

    private static long countOf(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }

    private static String firstCardName(String html) {
        Matcher m = Pattern.compile("<span class=\"card-name\">([^<]*)</span>").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1).replace("&amp;", "&");
    }
}
