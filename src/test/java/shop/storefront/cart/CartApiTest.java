package shop.storefront.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.Inventory;
import shop.storefront.platform.Money;
import shop.storefront.web.Shopper;

/** The cart API on real Redis: a guest cart by signed cookie, priced and stock-checked on every view. */
@QuarkusTest
class CartApiTest {

    private static final java.util.concurrent.atomic.AtomicInteger NEXT_SKU = new java.util.concurrent.atomic.AtomicInteger(100);

    @Inject
    CatalogOracle db;
    @Inject
    Inventory inventory;
    @Inject
    RedisDataSource redis;

    @Test
    void guestAddsItemsAndGetsASignedCookieAndA30DayCart() {
        Shopper shopper = new Shopper();
        String sku = skuWithStock(5);
        Response added = add(shopper, sku, 2);
        added.then().statusCode(200).body("itemCount", equalTo(2)).body("lines[0].sku", equalTo(sku));
        Cookie cookie = added.getDetailedCookie("__Host-cart");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.isSecured()).isTrue();
        assertThat(cookie.getSameSite()).isEqualToIgnoringCase("Lax");
        assertThat(cookie.getMaxAge()).isEqualTo(30L * 24 * 3600);
        String key = "cart:guest:" + cookie.getValue().substring(0, cookie.getValue().lastIndexOf('.'));
        assertThat(redis.key().ttl(key)).isBetween(30L * 24 * 3600 - 60, 30L * 24 * 3600);

        JsonPath cart = add(shopper, sku, 1).then().statusCode(200).extract().jsonPath();
        assertThat(cart.getInt("lines[0].quantity")).isEqualTo(3);
        BigDecimal price = new BigDecimal(db.string("SELECT price_amount::text FROM catalog.variant WHERE sku = ?", sku));
        assertThat(new BigDecimal(cart.getString("subtotal.amount"))).isEqualByComparingTo(price.multiply(BigDecimal.valueOf(3)));
    }

    @Test
    void quantityIsLimitedByStockWithAClearMessage() {
        Shopper shopper = new Shopper();
        String sku = skuWithStock(3);
        add(shopper, sku, 2).then().statusCode(200);
        add(shopper, sku, 2).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("at most 3")).body("detail", containsString("2 already in your cart"));
        view(shopper).then().body("lines[0].quantity", equalTo(2));
    }

    @Test
    void changeAndRemove() {
        Shopper shopper = new Shopper();
        String a = skuWithStock(10);
        String b = db.string("SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id"
                + " WHERE p.status = 'active' AND v.stock_on_hand >= 10 AND v.sku <> ? ORDER BY v.id LIMIT 1", a);
        add(shopper, a, 1);
        add(shopper, b, 1);
        shopper.keep(shopper.request().contentType("application/json").body(Map.of("quantity", 4))
                .put("/api/v1/cart/items/" + a)).then().statusCode(200).body("itemCount", equalTo(5));
        shopper.keep(shopper.request().contentType("application/json").delete("/api/v1/cart/items/" + b)).then().statusCode(200)
                .body("itemCount", equalTo(4)).body("lines.sku", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(b)));
        shopper.keep(shopper.request().contentType("application/json").body(Map.of("quantity", 0))
                .put("/api/v1/cart/items/" + a)).then().statusCode(200).body("itemCount", equalTo(0));
    }

    @Test
    void priceChangeIsShownOnceAndStockShortfallReducesQuantity() {
        Shopper shopper = new Shopper();
        String sku = skuWithStock(6);
        add(shopper, sku, 4);
        inventory.setPrice(sku, Money.of("9.99", "EUR"));
        JsonPath changed = view(shopper).then().statusCode(200).extract().jsonPath();
        assertThat(changed.getString("lines[0].previousPrice.amount")).isNotNull();
        assertThat(changed.getList("notices", String.class)).anyMatch(n -> n.contains("changed from") && n.contains("€9.99"));
        assertThat(view(shopper).jsonPath().getList("notices")).isEmpty();

        inventory.setStock(sku, 2);
        JsonPath reduced = view(shopper).jsonPath();
        assertThat(reduced.getInt("lines[0].quantity")).isEqualTo(2);
        assertThat(reduced.getList("notices", String.class)).anyMatch(n -> n.startsWith("Only 2 of"));

        inventory.setStock(sku, 0);
        JsonPath soldOut = view(shopper).jsonPath();
        assertThat(soldOut.getList("lines")).isEmpty();
        assertThat(soldOut.getList("notices", String.class)).anyMatch(n -> n.contains("sold out"));
    }

    @Test
    void tamperedCookieNeverReachesSomeoneElsesCart() {
        Shopper victim = new Shopper();
        add(victim, skuWithStock(5), 1);
        String cookie = victim.cookie("__Host-cart");
        String id = cookie.substring(0, cookie.lastIndexOf('.'));
        for (String forged : new String[] {id, id + ".AAAA", id + "." + cookie.substring(cookie.lastIndexOf('.') + 2), "x.y", ""}) {
            Shopper attacker = new Shopper();
            attacker.setCookie("__Host-cart", forged);
            view(attacker).then().statusCode(200).body("itemCount", equalTo(0));
        }
        view(victim).then().body("itemCount", equalTo(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"sku\": \"SKU-1-1\", \"quantity\": -1}", "{\"sku\": \"SKU-1-1\", \"quantity\": 0}",
        "{\"sku\": \"SKU-1-1\", \"quantity\": 100000}", "{\"sku\": \"SKU-1-1\", \"quantity\": 99999999999999999999}",
        "{\"sku\": \"SKU-1-1\", \"quantity\": \"two\"}", "{\"sku\": \"SKU-1-1\"}",
        "{\"sku\": \"SKU-1-1\", \"quantity\": 1.5}", "{\"sku\": \"SKU-1-1\", \"quantity\": \"3\"}",
        "{\"sku\": \"SKU-1-1\", \"quantity\": 1, \"price\": \"0.01\"}", "{\"sku\": \"NO-SUCH-SKU\", \"quantity\": 1}",
        "{\"sku\": \"<script>\", \"quantity\": 1}", "{\"quantity\": 1}", "{not json", "[]", ""})
    void badItemsAreRejectedAndChangeNothing(String body) {
        Shopper shopper = new Shopper();
        shopper.keep(shopper.request().contentType("application/json").body(body).post("/api/v1/cart/items")).then()
                .statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
        assertThat(shopper.cookie("__Host-cart")).as("no cart was started").isNull();
    }

    @Test
    void soldOutItemsCannotBeAdded() {
        String sku = db.string("SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id"
                + " WHERE p.status = 'active' AND v.stock_on_hand = 0 ORDER BY v.id LIMIT 1");
        add(new Shopper(), sku, 1).then().statusCode(409).body("detail", containsString("sold out"));
    }

    private String skuWithStock(int stock) {
        // A different SKU for every call, so tests never share cart items.
        String sku = db.string("SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id"
                + " WHERE p.status = 'active' AND v.stock_on_hand > 0 ORDER BY v.id DESC OFFSET ? LIMIT 1", NEXT_SKU.getAndAdd(3));
        inventory.setStock(sku, stock);
        return sku;
    }

    private static Response add(Shopper shopper, String sku, int quantity) {
        return shopper.keep(shopper.request().contentType("application/json").body(Map.of("sku", sku, "quantity", quantity))
                .post("/api/v1/cart/items"));
    }

    private static Response view(Shopper shopper) {
        return shopper.keep(shopper.request().get("/api/v1/cart"));
    }
}
