package shop.storefront.cart;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.storefront.account.Accounts;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.Inventory;
import shop.storefront.web.Shopper;

/** Signing in folds the guest cart into the customer's cart: same SKU adds up, capped by stock. */
@QuarkusTest
class CartMergeTest {

    @Inject
    CatalogOracle db;
    @Inject
    Inventory inventory;
    @Inject
    RedisDataSource redis;

    @BeforeEach
    void freshRateLimits() {
        Accounts.resetRateLimits(redis);
    }

    @Test
    void guestCartMergesIntoCustomerCartOnSignIn() {
        String a = sku(0);
        String b = sku(1);
        inventory.setStock(a, 4);
        inventory.setStock(b, 10);

        Shopper customer = new Shopper();
        String email = Accounts.signedUp(customer);
        add(customer, a, 3);
        customer.submit("/account", "/account/sign-out", Map.of());

        Shopper guest = new Shopper();
        add(guest, a, 2);
        add(guest, b, 1);
        String guestCookie = guest.cookie("__Host-cart");
        assertThat(guestCookie).isNotNull();

        assertThat(Accounts.signIn(guest, email, Accounts.PASSWORD).statusCode()).isEqualTo(303);
        JsonPath cart = guest.keep(guest.request().get("/api/v1/cart")).jsonPath();
        assertThat(cart.getInt("lines.find { it.sku == '" + a + "' }.quantity")).as("3 + 2 capped at stock 4").isEqualTo(4);
        assertThat(cart.getInt("lines.find { it.sku == '" + b + "' }.quantity")).isEqualTo(1);
        assertThat(guest.cookie("__Host-cart")).as("guest cookie cleared").isNull();
        String guestId = guestCookie.substring(0, guestCookie.lastIndexOf('.'));
        assertThat(redis.key().exists("cart:guest:" + guestId)).as("guest cart deleted").isFalse();
    }

    private String sku(int n) {
        return db.string("SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id"
                + " WHERE p.status = 'active' ORDER BY v.id OFFSET ? LIMIT 1", 50 + n);
    }

    private static void add(Shopper shopper, String sku, int quantity) {
        assertThat(shopper.keep(shopper.request().contentType("application/json")
                .body(Map.of("sku", sku, "quantity", quantity)).post("/api/v1/cart/items")).statusCode()).isEqualTo(200);
    }
}
