package shop.storefront.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever a browser or client sends, the answer is a clear 4xx: an HTML page in the site's look for
 * pages, problem+json for the API. Never a 500, never a stack trace.
 */
@QuarkusTest
class BadInputTest {

    @ParameterizedTest(name = "page {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "/category/clothing?per_page=-5           | 400 | per_page must be a whole number from 1 to 96",
        "/category/clothing?per_page=100000000000 | 400 | per_page must be a whole number",
        "/category/clothing?page=0                | 400 | page must be a whole number from 1 to 1000",
        "/category/clothing?page=abc              | 400 | page must be a whole number",
        "/category/clothing?sort=cheapest         | 400 | Unknown sort order",
        "/category/clothing?sort=relevance        | 400 | Use one of: newest, price-asc",
        "/category/clothing?price=50-10           | 400 | upper end of the price range",
        "/category/clothing?price=cheap           | 400 | price must be a range",
        "/category/clothing?in_stock=maybe        | 400 | in_stock must be true or false",
        "/category/clothing?opt.Size%3Cb%3E=M     | 400 | Unknown option filter",
        "/category/clothing?page=1&page=2         | 400 | page can be given only once",
        "/category/no-such-category               | 404 | We have no category called",
        "/product/no-such-product                 | 404 | It may no longer be sold",
        "/definitely/not/a/page                   | 404 | We could not find the page",
        "/product/%00                             | 404 | It may no longer be sold",
        "/category/%00                            | 404 | We have no category called",
        "/search?q=jacket&page=999                | 404 | These results have only",
    })
    void pagesAnswerWithAClearHtmlError(String path, int status, String message) {
        given().accept("text/html").urlEncodingEnabled(false).get(path.strip()).then()
                .statusCode(status)
                .contentType(containsString("text/html"))
                .body(containsString(message.strip()))
                .body(containsString("/css/site.css\""))
                .body(not(containsString("Exception")))
                .body(not(containsString("at shop.storefront")));
    }

    @ParameterizedTest(name = "api {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "/api/v1/products?per_page=-1                     | 400 | per_page",
        "/api/v1/products?per_page=999999999999999999999  | 400 | per_page",
        "/api/v1/products?sort=random                     | 400 | sort",
        "/api/v1/products?price=%27%20OR%201=1--          | 400 | price",
        "/api/v1/products?page=-3                         | 400 | page",
        "/api/v1/search                                   | 400 | q",
        "/api/v1/search?q=%00drop                         | 400 | q",
        "/api/v1/products/%27%3B%20DROP%20TABLE%20x       | 404 | ",
        "/api/v1/unknown                                  | 404 | ",
        "/api/v1/products/%00                             | 404 | ",
        "/api/v1/categories/%00                           | 404 | ",
    })
    void apiAnswersWithProblemDetails(String path, int status, String param) {
        var response = given().urlEncodingEnabled(false).get(path.strip()).then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("detail", not(containsString("Exception")));
        if (param != null && !param.isBlank()) {
            response.body("invalidParams[0].name", equalTo(param.strip()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"' OR 1=1 --", "<img src=x onerror=alert(1)>", "%%%", "\\\\", "jacket'; DROP TABLE catalog.product; --",
        "\"unterminated", "-", "or or or", "a & b | !c"})
    void hostileSearchTextIsJustText(String q) {
        given().queryParam("q", q).get("/api/v1/search").then().statusCode(200).contentType("application/json");
        given().accept("text/html").queryParam("q", q).get("/search").then().statusCode(200)
                .body(not(containsString("<img src=x")));
        given().queryParam("q", q).queryParam("brand", q).get("/api/v1/products").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "[1,2,3]", "{\"q\": 5, \"page\": \"x\"}", "{\"q\": \"tent\", \"perPage\": -2}", "",
        "{\"q\": 123}", "{\"q\": \"tent\", \"page\": 1.5}", "{\"q\": \"tent\", \"page\": \"2\"}",
        "{\"q\": \"tent\", \"brand\": [\"Harbor\"]}", "{\"q\": \"tent\", \"perPage\": 99999999999}"})
    void malformedJsonBodiesAreRejectedClearly(String body) {
        given().contentType("application/json").body(body).post("/api/v1/search").then()
                .statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
    }

    /**
     * Malformed percent-encoding (HTTP clients refuse to send it; bots do). The HTTP server rejects such a
     * request line before any route runs, so the answer is a bare 400 without a page: still a 4xx, never a 5xx.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/search?q=%ZZ", "/category/clothing?brand=%ZZ", "/api/v1/search?q=%ZZ", "/product/%ZZ"})
    void malformedUrlsAreRefusedWithA400(String path) throws Exception {
        assertThat(rawGet(path)).startsWith("HTTP/1.1 400");
    }

    private String rawGet(String path) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(testUrl.getHost(), testUrl.getPort())) {
            socket.setSoTimeout(60_000); // a ceiling for a busy machine: the answer ends the read as soon as it comes
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                    + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL testUrl;

    @org.junit.jupiter.api.Test
    void tooLongSearchTextAndWrongMediaTypes() {
        given().queryParam("q", "x".repeat(201)).get("/api/v1/search").then().statusCode(400)
                .body("detail", containsString("at most 200 characters"));
        given().contentType("text/plain").body("q=tent").post("/api/v1/search").then().statusCode(415)
                .contentType("application/problem+json");
        given().delete("/api/v1/products").then().statusCode(405).contentType("application/problem+json");
        given().contentType("application/json").body("{\"q\":\"" + "x".repeat(2_000_000) + "\"}").post("/api/v1/search")
                .then().statusCode(413).contentType("application/problem+json").body("detail", containsString("too large"));
        given().contentType("application/json").body("{\"q\": \"tent\", \"brand\": [\"Harbor\"]}").post("/api/v1/search")
                .then().statusCode(400).body("detail", containsString("'brand' is not known"));
        given().contentType("application/json").body("{\"q\": \"tent\", \"perPage\": 99999999999}").post("/api/v1/search")
                .then().statusCode(400).body("detail", containsString("out of range"));
    }
}
