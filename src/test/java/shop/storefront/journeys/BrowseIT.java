package shop.storefront.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import shop.storefront.web.Shopper;

/**
 * The browsing journey against the packaged artifact (the jar here, the native executable with -Dnative): home,
 * a category, a product, a search, the same through the API, and the pages' security headers.
 */
@QuarkusIntegrationTest
class BrowseIT {

    @Test
    void homeCategoryProductAndSearch() {
        Shopper shopper = new Shopper();
        String home = shopper.get("/").then().statusCode(200).extract().asString();
        Matcher category = Pattern.compile("href=\"/category/([a-z0-9-]+)\"").matcher(home);
        assertThat(category.find()).as("home links to categories").isTrue();

        String listing = shopper.get("/category/" + category.group(1)).then().statusCode(200).extract().asString();
        Matcher product = Pattern.compile("href=\"/product/([a-z0-9-]+)\"").matcher(listing);
        assertThat(product.find()).as("category lists products").isTrue();
        String slug = product.group(1);
        String page = shopper.get("/product/" + slug).then().statusCode(200).extract().asString();
        assertThat(page).contains("Add to cart", "application/ld+json");

        JsonPath detail = shopper.request().get("/api/v1/products/" + slug).then().statusCode(200).extract().jsonPath();
        String name = detail.getString("name");
        assertThat(shopper.request().queryParam("q", name).get("/search").then().statusCode(200).extract().asString()).contains(name);
        assertThat(shopper.request().queryParam("q", name).get("/api/v1/search").jsonPath().getList("items.slug")).contains(slug);

        var headers = shopper.get("/product/" + slug).headers();
        assertThat(headers.getValue("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(headers.getValue("X-Request-Id")).isNotBlank();
    }
}
