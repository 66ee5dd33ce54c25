package shop.storefront.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.Inventory;
import shop.storefront.web.Shopper;

/**
 * One shopper cannot sell the shop out by reserving stock without paying: an order takes at most 10 of a SKU, and
 * an e-mail address (3) or a client address (5) holds only a few unpaid orders at once.
 */
@QuarkusTest
@TestProfile(HoldingLimitsTest.ProductionLimits.class)
class HoldingLimitsTest {

    /** The production defaults for the limit the default test profile lifts (all tests come from one address). */
    public static class ProductionLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("storefront.checkout.max-unpaid-orders-per-client", "5");
        }
    }

    private static int nextClient = 1;

    @Inject
    CatalogOracle db;
    @Inject
    Inventory inventory;

    @ParameterizedTest
    @ValueSource(ints = {11, 12, 99})
    void anOrderTakesAtMostTenOfASku(int quantity) {
        String sku = Checkouts.sku(db, inventory, 200);
        Shopper shopper = shopper();
        Checkouts.addToCart(shopper, sku, quantity);
        Response refused = Checkouts.place(shopper, Checkouts.newKey(), Checkouts.body(email()));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.jsonPath().getString("detail")).contains("at most 10 of each item", "from " + quantity + " to 10");
        assertThat(refused.jsonPath().getString("invalidParams[0].name")).isEqualTo("quantity");
        assertThat(db.longValue("SELECT stock_on_hand FROM catalog.variant WHERE sku = ?", sku)).isEqualTo(200);

        shopper.keep(shopper.request().contentType("application/json").body(Map.of("quantity", 10)).put("/api/v1/cart/items/" + sku))
                .then().statusCode(200);
        assertThat(Checkouts.place(shopper, Checkouts.newKey(), Checkouts.body(email())).statusCode()).isEqualTo(201);
        assertThat(db.longValue("SELECT stock_on_hand FROM catalog.variant WHERE sku = ?", sku)).isEqualTo(190);
    }

    @Test
    void anEmailAddressHoldsAtMostThreeUnpaidOrders() {
        String sku = Checkouts.sku(db, inventory, 50);
        String email = email();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            numbers.add(order(shopper(), sku, email).jsonPath().getString("order.number"));
        }
        Response fourth = order(shopper(), sku, email);
        assertThat(fourth.statusCode()).isEqualTo(409);
        assertThat(fourth.jsonPath().getString("detail")).contains("already 3 orders for this e-mail address");
        assertThat(db.longValue("SELECT stock_on_hand FROM catalog.variant WHERE sku = ?", sku)).isEqualTo(47);

        db.update("UPDATE orders.customer_order SET status = 'paid' WHERE number = ?", numbers.getFirst());
        assertThat(order(shopper(), sku, email).statusCode()).as("once one is paid").isEqualTo(201);
    }

    @Test
    void aClientAddressHoldsAtMostFiveUnpaidOrders() {
        String sku = Checkouts.sku(db, inventory, 50);
        String client = "198.51.100." + (200 + nextClient++);
        for (int i = 0; i < 5; i++) {
            assertThat(order(new Shopper().forwardedFor(client), sku, email()).statusCode()).isEqualTo(201);
        }
        Response sixth = order(new Shopper().forwardedFor("203.0.113.9, " + client), sku, email());
        assertThat(sixth.statusCode()).isEqualTo(409);
        assertThat(sixth.jsonPath().getString("detail")).contains("placed from your network");
        assertThat(order(shopper(), sku, email()).statusCode()).as("another client").isEqualTo(201);
    }

    @Test
    void parallelSubmissionsAreCountedOneAfterAnother() throws Exception {
        String sku = Checkouts.sku(db, inventory, 50);
        String email = email();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Shopper shopper = shopper();
                Checkouts.addToCart(shopper, sku, 1);
                answers.add(pool.submit(() -> Checkouts.place(shopper, Checkouts.newKey(), Checkouts.body(email)).statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(120, TimeUnit.SECONDS));
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.longValue("SELECT stock_on_hand FROM catalog.variant WHERE sku = ?", sku)).isEqualTo(47);
    }

    @Test
    void aDoubleClickForTheLastAllowedOrderGetsThatOrderTwice() throws Exception {
        String sku = Checkouts.sku(db, inventory, 50);
        String email = email();
        order(shopper(), sku, email);
        order(shopper(), sku, email);
        Shopper shopper = shopper();
        Checkouts.addToCart(shopper, sku, 1);
        String key = Checkouts.newKey();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Response> first = pool.submit(() -> Checkouts.place(shopper, key, Checkouts.body(email)));
            Future<Response> second = pool.submit(() -> Checkouts.place(shopper, key, Checkouts.body(email)));
            Response one = first.get(120, TimeUnit.SECONDS);
            Response other = second.get(120, TimeUnit.SECONDS);
            assertThat(List.of(one.statusCode(), other.statusCode())).containsExactlyInAnyOrder(201, 200);
            assertThat(one.jsonPath().getString("order.number")).isEqualTo(other.jsonPath().getString("order.number"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.longValue("SELECT count(*) FROM orders.customer_order WHERE email = ?", email)).isEqualTo(3);
    }

    private static Response order(Shopper shopper, String sku, String email) {
        Checkouts.addToCart(shopper, sku, 1);
        return Checkouts.place(shopper, Checkouts.newKey(), Checkouts.body(email));
    }

    /** A shopper on an address of its own, so only the limit under test can refuse it. */
    private static synchronized Shopper shopper() {
        return new Shopper().forwardedFor("192.0.2." + nextClient++);
    }

    private static String email() {
        return "holder-" + System.nanoTime() + "@example.com";
    }
}
