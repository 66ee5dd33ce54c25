package shop.storefront.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.Inventory;
import shop.storefront.web.Shopper;

/** Checkout steps for tests: a SKU of their own, a cart, an order body, a placement. */
public final class Checkouts {

    private static final AtomicLong SKU_CEILING = new AtomicLong();
    private static final AtomicInteger NEXT_SKU = new AtomicInteger();

    private Checkouts() {
    }

    /** A SKU no other test uses (counted down from the newest variants), with this much stock. */
    public static String sku(CatalogOracle db, Inventory inventory, int stock) {
        // Only SKUs that existed at the first pick: SKUs added later (the back office's tests make some) would shift
        // the offsets and hand out a SKU that an earlier test already ordered.
        long ceiling = SKU_CEILING.updateAndGet(known -> known > 0 ? known : db.longValue("SELECT max(id) FROM catalog.variant"));
        List<List<Object>> rows = db.rows("SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id"
                + " WHERE p.status = 'active' AND v.weight_grams <= 1000 AND v.id <= ? ORDER BY v.id DESC OFFSET ? LIMIT 1",
                ceiling, NEXT_SKU.getAndIncrement());
        String sku = (String) rows.getFirst().getFirst();
        inventory.setStock(sku, stock);
        return sku;
    }

    public static String newKey() {
        return "test-" + UUID.randomUUID();
    }

    public static void addToCart(Shopper shopper, String sku, int quantity) {
        shopper.keep(shopper.request().contentType("application/json").body(Map.of("sku", sku, "quantity", quantity))
                .post("/api/v1/cart/items")).then().statusCode(200);
    }

    /** An order body for a German address, standard delivery, paid by bank transfer. */
    public static Map<String, Object> body(String email) {
        Map<String, Object> address = new HashMap<>(Map.of("fullName", "Erika Mustermann", "line1", "Heidestraße 17",
                "city", "Köln", "postalCode", "51147", "country", "DE"));
        return new HashMap<>(Map.of("email", email, "shippingAddress", address, "shippingMethod", "standard",
                "paymentMethod", "bank-transfer"));
    }

    public static Response place(Shopper shopper, String key, Map<String, Object> body) {
        return shopper.keep(shopper.request().contentType("application/json").header("Idempotency-Key", key).body(body)
                .post("/api/v1/orders"));
    }

    /** Places an order for one unit of the SKU as a new guest and returns the order number. */
    public static String guestOrder(String sku, String email, String paymentMethod) {
        Shopper shopper = new Shopper();
        addToCart(shopper, sku, 1);
        Map<String, Object> body = body(email);
        body.put("paymentMethod", paymentMethod);
        Response placed = place(shopper, newKey(), body);
        assertThat(placed.statusCode()).as(placed.asString()).isEqualTo(201);
        return placed.jsonPath().getString("order.number");
    }
}
