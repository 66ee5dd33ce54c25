package shop.storefront.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.Inventory;
import shop.storefront.web.Eventually;
import shop.storefront.web.Shopper;
import shop.storefront.web.SmtpServer;

/** Placing orders through the JSON API: totals, stock, idempotency, the cart and the confirmation e-mail. */
@QuarkusTest
class CheckoutApiTest {

    @Inject
    CatalogOracle db;
    @Inject
    Inventory inventory;

    @Test
    void guestOrderChargesServerTotalsTakesStockEmptiesCartAndIsConfirmedByEmail() {
        String sku = Checkouts.sku(db, inventory, 10);
        Shopper shopper = new Shopper();
        Checkouts.addToCart(shopper, sku, 2);
        JsonPath quote = shopper.request().contentType("application/json").body(Map.of("country", "de", "shippingMethod", "standard"))
                .post("/api/v1/checkout/quote").then().statusCode(200).extract().jsonPath();

        // Independent oracle: price × 2, standard delivery to DE is 4.90 for the first kg (free from 50.00), VAT 19 % included.
        BigDecimal price = new BigDecimal(db.string("SELECT price_amount::text FROM catalog.variant WHERE sku = ?", sku));
        BigDecimal goods = price.multiply(BigDecimal.TWO);
        long grams = 2 * db.longValue("SELECT weight_grams FROM catalog.variant WHERE sku = ?", sku);
        BigDecimal shipping = goods.compareTo(new BigDecimal("50.00")) >= 0 ? BigDecimal.ZERO
                : new BigDecimal("4.90").add(BigDecimal.valueOf(Math.max(0, (grams + 999) / 1000 - 1)));
        BigDecimal total = goods.add(shipping).setScale(2);
        BigDecimal vat = total.multiply(BigDecimal.valueOf(19)).divide(BigDecimal.valueOf(119), 2, RoundingMode.HALF_UP);
        assertThat(quote.getString("quote.total.amount")).isEqualTo(total.toPlainString());
        assertThat(quote.getString("quote.vat.amount")).isEqualTo(vat.toPlainString());

        String email = "guest-" + System.nanoTime() + "@example.com";
        String key = Checkouts.newKey();
        var body = Checkouts.body(email);
        body.put("expectedTotal", total.toPlainString());
        Response placed = Checkouts.place(shopper, key, body);
        assertThat(placed.statusCode()).as(placed.asString()).isEqualTo(201);
        String number = placed.jsonPath().getString("order.number");
        assertThat(placed.header("Location")).endsWith("/api/v1/orders/" + number);
        assertThat(placed.jsonPath().getString("order.total.amount")).isEqualTo(total.toPlainString());
        assertThat(placed.jsonPath().getString("order.status")).isEqualTo("placed");
        assertThat(db.longValue("SELECT stock_on_hand FROM catalog.variant WHERE sku = ?", sku)).isEqualTo(8);
        assertThat(db.string("SELECT total::text FROM orders.customer_order WHERE number = ?", number)).isEqualTo(total.toPlainString());
        assertThat(db.string("SELECT unit_price::text FROM orders.order_line l JOIN orders.customer_order o ON o.id = l.order_id"
                + " WHERE o.number = ?", number)).isEqualTo(price.toPlainString());
        assertThat(shopper.request().get("/api/v1/cart").jsonPath().getInt("itemCount")).as("cart emptied").isZero();

        // The same key again (a retry after a timeout): the same order, no second one, no more stock taken.
        Response again = Checkouts.place(shopper, key, body);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.jsonPath().getString("order.number")).isEqualTo(number);
        assertThat(db.longValue("SELECT count(*) FROM orders.customer_order WHERE idempotency_key = ?", key)).isEqualTo(1);
        assertThat(db.longValue("SELECT stock_on_hand FROM catalog.variant WHERE sku = ?", sku)).isEqualTo(8);

        // Guests see their order with the access token, and nobody sees it without.
        String token = placed.jsonPath().getString("accessToken");
        new Shopper().request().get("/api/v1/orders/" + number + "?token=" + token).then().statusCode(200);
        new Shopper().request().get("/api/v1/orders/" + number).then().statusCode(404);
        new Shopper().request().get("/api/v1/orders/" + number + "?token=" + token.replace(token.charAt(3), token.charAt(3) == 'A' ? 'B' : 'A'))
                .then().statusCode(404);

        Eventually.within(Eventually.BACKGROUND_WORK, "confirmation e-mail", () -> SmtpServer.messagesTo(email).size() == 1);
        assertThat(SmtpServer.subjects(email)).containsExactly("Your Storefront order " + number);
        assertThat(SmtpServer.body(SmtpServer.messagesTo(email).getFirst())).contains(number, total.toPlainString(),
                "/orders/" + number + "?token=" + token);
    }

    @Test
    void theSameKeySentTwentyTimesAtOnceMakesOneOrder() throws Exception {
        String sku = Checkouts.sku(db, inventory, 50);
        Shopper shopper = new Shopper();
        Checkouts.addToCart(shopper, sku, 3);
        String key = Checkouts.newKey();
        var body = Checkouts.body("double-click@example.com");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> responses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            responses.add(pool.submit(() -> {
                start.await();
                return shopper.request().contentType("application/json").header("Idempotency-Key", key).body(body).post("/api/v1/orders");
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (Future<Response> f : responses) {
            Response r = f.get(60, TimeUnit.SECONDS);
            statuses.add(r.statusCode());
            numbers.add(r.jsonPath().getString("order.number"));
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200, 201);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(numbers).doesNotContainNull().containsOnly(numbers.getFirst());
        assertThat(db.longValue("SELECT count(*) FROM orders.customer_order WHERE idempotency_key = ?", key)).isEqualTo(1);
        assertThat(db.longValue("SELECT stock_on_hand FROM catalog.variant WHERE sku = ?", sku)).isEqualTo(47);
    }

    @Test
    void aKeyRepeatedWithOtherDetailsIsRefusedAndPlacesNothing() {
        String sku = Checkouts.sku(db, inventory, 10);
        Shopper shopper = new Shopper();
        Checkouts.addToCart(shopper, sku, 1);
        String key = Checkouts.newKey();
        Map<String, Object> body = new java.util.HashMap<>(Checkouts.body("same-key@example.com"));
        assertThat(Checkouts.place(shopper, key, body).statusCode()).isEqualTo(201);
        body.put("shippingMethod", "express");
        Response other = Checkouts.place(shopper, key, body);
        other.then().statusCode(422).contentType("application/problem+json").body("invalidParams[0].name", org.hamcrest.Matchers.is("idempotencyKey"));
        assertThat(other.jsonPath().getString("detail")).contains("other details", "new key");
        assertThat(db.longValue("SELECT count(*) FROM orders.customer_order WHERE email = 'same-key@example.com'")).isEqualTo(1);
        assertThat(db.string("SELECT shipping_method FROM orders.customer_order WHERE idempotency_key = ?", key)).isEqualTo("standard");
    }

    @Test
    void aKeyFromAnotherCheckoutIsRefused() {
        String sku = Checkouts.sku(db, inventory, 10);
        Shopper first = new Shopper();
        Checkouts.addToCart(first, sku, 1);
        String key = Checkouts.newKey();
        assertThat(Checkouts.place(first, key, Checkouts.body("first@example.com")).statusCode()).isEqualTo(201);
        Shopper other = new Shopper();
        Checkouts.addToCart(other, sku, 1);
        Response stolen = Checkouts.place(other, key, Checkouts.body("other@example.com"));
        assertThat(stolen.statusCode()).isEqualTo(409);
        assertThat(stolen.jsonPath().getString("detail")).contains("already used");
        assertThat(db.longValue("SELECT stock_on_hand FROM catalog.variant WHERE sku = ?", sku)).isEqualTo(9);
    }

    @Test
    void soldOutBetweenCartAndOrderIsAClearConflict() {
        String sku = Checkouts.sku(db, inventory, 2);
        Shopper shopper = new Shopper();
        Checkouts.addToCart(shopper, sku, 2);
        inventory.setStock(sku, 1);
        Response refused = Checkouts.place(shopper, Checkouts.newKey(), Checkouts.body("late@example.com"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.jsonPath().getString("detail")).startsWith("Sold out:").contains("Nothing was reserved or charged");
        assertThat(db.longValue("SELECT stock_on_hand FROM catalog.variant WHERE sku = ?", sku)).isEqualTo(1);
    }
}
