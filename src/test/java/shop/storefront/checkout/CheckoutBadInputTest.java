package shop.storefront.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.Inventory;
import shop.storefront.web.Shopper;

/** Every refused checkout says why with a 4xx, and leaves no order and no stock change behind. */
@QuarkusTest
class CheckoutBadInputTest {

    @Inject
    CatalogOracle db;
    @Inject
    Inventory inventory;

    private String sku;
    /** Lines of the SKU that earlier tests ordered: a refusal must add none. */
    private long linesBefore;
    private Shopper shopper;

    @BeforeEach
    void cartWithOneItem() {
        sku = Checkouts.sku(db, inventory, 5);
        linesBefore = db.longValue("SELECT count(*) FROM orders.order_line WHERE sku = ?", sku);
        shopper = new Shopper();
        Checkouts.addToCart(shopper, sku, 1);
    }

    @Test
    void apiRefusalsNameTheProblem() {
        refused(b -> b.put("expectedTotal", "0.01"), 409, "expectedTotal", "not the €0.01 this order was submitted with");
        refused(b -> b.put("shippingMethod", "teleport"), 400, "shippingMethod", "delivery options");
        refused(b -> b.put("paymentMethod", "iou"), 400, "paymentMethod", "payment methods");
        refused(b -> address(b).remove("city"), 400, "city", "Town or city is required");
        refused(b -> address(b).put("country", "US"), 400, "country", "country we deliver to");
        refused(b -> b.put("email", "not-an-address"), 400, "email", "e-mail address");
        refused(b -> b.put("expectedTotal", "1e3"), 400, "expectedTotal", "decimal amount");
        refused(b -> b.put("unitPrice", "0.01"), 400, "unitPrice", "not known");
        refused(b -> address(b).put("line2", "x".repeat(300)), 400, "line2", "at most 200 characters");
        // A 1 MB field: the body is over the storefront's 1M limit.
        Response huge = Checkouts.place(shopper, Checkouts.newKey(), with(b -> address(b).put("fullName", "x".repeat(1_100_000))));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.asString()).contains("too large");
        // No key, or a malformed one.
        Response noKey = shopper.request().contentType("application/json").body(Checkouts.body("a@example.com")).post("/api/v1/orders");
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(noKey.jsonPath().getString("invalidParams[0].name")).isEqualTo("idempotencyKey");
        assertThat(Checkouts.place(shopper, "short", Checkouts.body("a@example.com")).statusCode()).isEqualTo(400);
        assertNothingChanged();
    }

    @Test
    void anEmptyCartCannotBeOrdered() {
        Response none = Checkouts.place(new Shopper(), Checkouts.newKey(), Checkouts.body("nobody@example.com"));
        assertThat(none.statusCode()).isEqualTo(409);
        assertThat(none.jsonPath().getString("detail")).contains("Your cart is empty");
        shopper.request().contentType("application/json").delete("/api/v1/cart/items/" + sku).then().statusCode(200);
        Response emptied = Checkouts.place(shopper, Checkouts.newKey(), Checkouts.body("emptied@example.com"));
        assertThat(emptied.statusCode()).isEqualTo(409);
        assertNothingChanged();
    }

    @Test
    void pageRefusalsShowTheFormAgainWithTheReason() {
        Map<String, String> address = new HashMap<>(Map.of("email", "page@example.com", "fullName", "Page Shopper",
                "line1", "Rue de Rivoli 1", "city", "", "postalCode", "75001", "country", "FR"));
        Response missingCity = shopper.submit("/checkout/address", "/checkout/address", address);
        assertThat(missingCity.statusCode()).isEqualTo(400);
        assertThat(missingCity.asString()).contains("Town or city is required", "value=\"Rue de Rivoli 1\"");

        address.put("line1", "y".repeat(1_100_000));
        Response huge = shopper.submit("/checkout/address", "/checkout/address", address);
        assertThat(huge.statusCode()).isEqualTo(413);

        address.put("line1", "Rue de Rivoli 1");
        address.put("city", "Paris");
        assertThat(shopper.submit("/checkout/address", "/checkout/address", address).statusCode()).isEqualTo(303);
        Response teleport = shopper.submit("/checkout/shipping", "/checkout/shipping", Map.of("shippingMethod", "teleport"));
        assertThat(teleport.statusCode()).isEqualTo(400);
        assertThat(teleport.asString()).contains("Choose one of the delivery options");
        assertThat(shopper.submit("/checkout/shipping", "/checkout/shipping", Map.of("shippingMethod", "express")).statusCode()).isEqualTo(303);
        assertThat(shopper.submit("/checkout/payment", "/checkout/payment", Map.of("paymentMethod", "bank-transfer")).statusCode()).isEqualTo(303);

        // A tampered total in the review form: refused with the real total, nothing ordered.
        String review = shopper.get("/checkout/review").asString();
        String key = review.replaceAll("(?s).*name=\"idempotencyKey\" value=\"([^\"]+)\".*", "$1");
        Response tampered = shopper.submit("/checkout/review", "/checkout/place", Map.of("idempotencyKey", key, "expectedTotal", "0.01"));
        assertThat(tampered.statusCode()).isEqualTo(409);
        assertThat(tampered.asString()).contains("this order was submitted with", "Review your order");
        Response noTotal = shopper.submit("/checkout/review", "/checkout/place", Map.of("idempotencyKey", key));
        assertThat(noTotal.statusCode()).isEqualTo(400);
        // Without the CSRF token the form is refused outright.
        Response forged = shopper.request().contentType("application/x-www-form-urlencoded")
                .formParam("idempotencyKey", key).formParam("expectedTotal", "1.00").post("/checkout/place");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertNothingChanged();
    }

    private void refused(Consumer<Map<String, Object>> tamper, int status, String field, String message) {
        Response response = Checkouts.place(shopper, Checkouts.newKey(), with(tamper));
        assertThat(response.statusCode()).as(field + ": " + response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("detail")).as(field).contains(message);
        assertThat(response.jsonPath().getString("invalidParams[0].name")).isEqualTo(field);
    }

    private static Map<String, Object> with(Consumer<Map<String, Object>> tamper) {
        Map<String, Object> body = Checkouts.body("tamper@example.com");
        tamper.accept(body);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> address(Map<String, Object> body) {
        return (Map<String, Object>) body.get("shippingAddress");
    }

    private void assertNothingChanged() {
        assertThat(db.longValue("SELECT stock_on_hand FROM catalog.variant WHERE sku = ?", sku)).isEqualTo(5);
        assertThat(db.longValue("SELECT count(*) FROM orders.order_line WHERE sku = ?", sku)).isEqualTo(linesBefore);
    }
}
