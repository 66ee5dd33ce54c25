package shop.storefront.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.storefront.account.Accounts;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.checkout.Checkouts;
import shop.storefront.web.Shopper;

/** A browse-only instance (a standby region on a read-only replica): the catalog shows, with a banner; nothing changes. */
@QuarkusTest
@TestProfile(ReadOnlyModeTest.BrowseOnly.class)
class ReadOnlyModeTest {

    private static final String BANNER = "This shop is browse-only right now";

    public static class BrowseOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("storefront.read-only", "true");
        }
    }

    @Inject
    CatalogOracle db;

    @Test
    void theCatalogBrowsesWithTheBanner() {
        String category = db.string("SELECT c.slug FROM catalog.category c JOIN catalog.product p ON p.category_id = c.id"
                + " WHERE p.status = 'active' ORDER BY c.id LIMIT 1");
        String product = db.slugWhere("p.status = 'active'");
        for (String page : new String[] {"/", "/category/" + category, "/product/" + product, "/search?q=jacket", "/cart"}) {
            assertThat(given().accept("text/html").get(page).then().statusCode(200).extract().asString()).as(page).contains(BANNER);
        }
        given().queryParam("category", category).get("/api/v1/products").then().statusCode(200);
        given().contentType("application/json").body(Map.of("q", "jacket")).post("/api/v1/search").then().statusCode(200);
    }

    @Test
    void cartCheckoutAndAccountWritesAnswer503() {
        String sku = db.string("SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id"
                + " WHERE p.status = 'active' AND v.stock_on_hand > 0 ORDER BY v.id LIMIT 1");
        Shopper shopper = new Shopper();
        refusedInJson(shopper.request().contentType("application/json").body(Map.of("sku", sku, "quantity", 1))
                .post("/api/v1/cart/items"));
        refusedInJson(Checkouts.place(shopper, Checkouts.newKey(), Checkouts.body(Accounts.newEmail())));

        Response cartForm = shopper.submit("/account/sign-up", "/cart/add", Map.of("sku", sku, "quantity", "1"));
        assertThat(cartForm.statusCode()).isEqualTo(503);
        assertThat(cartForm.asString()).contains(BANNER, "browse and search");
        Response signUp = Accounts.signUp(shopper, Accounts.newEmail(), Accounts.PASSWORD);
        assertThat(signUp.statusCode()).isEqualTo(503);
        assertThat(signUp.header("Retry-After")).isNotNull();
        assertThat(db.longValue("SELECT count(*) FROM orders.customer_order")).as("no order was written").isZero();
    }

    private static void refusedInJson(Response response) {
        response.then().statusCode(503).contentType("application/problem+json");
        assertThat(response.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(response.jsonPath().getString("detail")).contains("browse-only");
    }
}
