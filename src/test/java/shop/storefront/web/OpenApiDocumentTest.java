package shop.storefront.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document lists the JSON API and nothing else: pages, robots.txt, the sitemap and product image files are
 * left out by one scan setting (see application.properties), not by an annotation on each method.
 */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void documentListsExactlyTheApiOperations() {
        assertThat(operations()).containsExactly(
                "DELETE /api/v1/cart/items/{sku}",
                "GET /api/v1/cart",
                "GET /api/v1/categories",
                "GET /api/v1/categories/{slug}",
                "GET /api/v1/checkout/payment-methods",
                "GET /api/v1/orders",
                "GET /api/v1/orders/{number}",
                "GET /api/v1/products",
                "GET /api/v1/products/{slug}",
                "GET /api/v1/search",
                "POST /api/v1/admin/orders/{number}/cancel",
                "POST /api/v1/admin/orders/{number}/fulfil",
                "POST /api/v1/admin/orders/{number}/mark-paid",
                "POST /api/v1/cart/items",
                "POST /api/v1/checkout/quote",
                "POST /api/v1/orders",
                "POST /api/v1/payments/stripe/webhook",
                "POST /api/v1/search",
                "PUT /api/v1/cart/items/{sku}");
    }

    @Test
    void pageRoutesAreAbsent() {
        assertThat(operations()).noneMatch(operation -> !operation.contains(" /api/"))
                .doesNotContain("GET /", "GET /cart", "GET /checkout", "GET /account", "GET /robots.txt", "GET /sitemap.xml");
    }

    /** Every operation as "METHOD /path", sorted. */
    @SuppressWarnings("unchecked")
    private static TreeSet<String> operations() {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        TreeSet<String> operations = new TreeSet<>();
        paths.forEach((path, methods) -> methods.keySet().forEach(method -> operations.add(method.toUpperCase() + " " + path)));
        return operations;
    }
}
