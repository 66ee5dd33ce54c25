package shop.storefront.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.storefront.account.Accounts;
import shop.storefront.web.Shopper;

/**
 * No sticky sessions: a shopper's cart and signed-in session, created through one instance, are intact
 * through the other, and changes through either are seen by both.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = SecondInstance.class, restrictToAnnotatedClass = true)
class TwoInstancesIT {

    @Test
    void cartAndSessionWorkThroughEitherInstance() {
        Shopper shopper = new Shopper();
        String sku = firstSku(shopper);

        // Instance A: a guest cart, then sign up (the guest cart merges into the customer's cart).
        assertThat(add(shopper, sku, 2).getInt("itemCount")).isEqualTo(2);
        String email = Accounts.signedUp(shopper);

        // Instance B: same cookies, same customer, same cart.
        shopper.via(SecondInstance.PORT);
        assertThat(shopper.get("/account").asString()).contains("Signed in as <strong>" + email + "</strong>");
        assertThat(cart(shopper).getInt("itemCount")).isEqualTo(2);
        assertThat(add(shopper, sku, 1).getInt("itemCount")).isEqualTo(3);

        // Back on A: B's change is there; signing out on A ends the session on B too.
        shopper.via(null);
        assertThat(cart(shopper).getInt("itemCount")).isEqualTo(3);
        assertThat(shopper.submit("/account", "/account/sign-out", Map.of()).statusCode()).isEqualTo(303);
        assertThat(shopper.via(SecondInstance.PORT).get("/account").statusCode()).isEqualTo(302);
    }

    /** A SKU with enough stock for the test, found through the public API. */
    private static String firstSku(Shopper shopper) {
        for (String slug : shopper.request().get("/api/v1/products?in_stock=true&per_page=20").jsonPath().getList("items.slug", String.class)) {
            String sku = shopper.request().get("/api/v1/products/" + slug).jsonPath().getString("variants.find { it.stockOnHand >= 5 }.sku");
            if (sku != null) {
                return sku;
            }
        }
        throw new AssertionError("no SKU with stock in the demo catalog");
    }

    private static JsonPath add(Shopper shopper, String sku, int quantity) {
        return shopper.keep(shopper.request().contentType("application/json").body(Map.of("sku", sku, "quantity", quantity))
                .post("/api/v1/cart/items")).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath cart(Shopper shopper) {
        return shopper.keep(shopper.request().get("/api/v1/cart")).then().statusCode(200).extract().jsonPath();
    }
}
