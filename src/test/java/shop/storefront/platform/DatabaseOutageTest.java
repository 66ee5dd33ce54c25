package shop.storefront.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import shop.storefront.account.Accounts;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.Inventory;
import shop.storefront.checkout.Checkouts;
import shop.storefront.cluster.CuttableProxy;
import shop.storefront.web.Eventually;
import shop.storefront.web.Shopper;

/**
 * PostgreSQL's primary goes away (the app's JDBC URL points at a relay that is cut) while the read replica stays:
 * the catalog and carts keep answering, ordering and account changes say they are paused (503, Retry-After), the
 * instance stays ready while a separate check says the database is down, and ordering comes back by itself.
 */
@QuarkusTest
@QuarkusTestResource(value = DatabaseOutageTest.CuttablePrimary.class, restrictToAnnotatedClass = true)
class DatabaseOutageTest {

    private static final Pattern HIDDEN = Pattern.compile("name=\"(idempotencyKey|expectedTotal)\" value=\"([^\"]*)\"");

    /** The primary behind a relay this test cuts; the replica is the same database, reached directly. */
    public static class CuttablePrimary implements QuarkusTestResourceLifecycleManager {
        static CuttableProxy proxy;

        @Override
        public Map<String, String> start() {
            try {
                proxy = new CuttableProxy(8191, 5432);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String primary = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/${local-services.database}";
            return Map.of("quarkus.datasource.jdbc.url", primary, "%local.quarkus.datasource.jdbc.url", primary,
                    "storefront.read-replica-url", "jdbc:postgresql://127.0.0.1:5432/${local-services.database}");
        }

        @Override
        public void stop() {
            try {
                proxy.close();
            } catch (IOException e) {
                // the test is over
            }
        }
    }

    @Inject
    CatalogOracle db;
    @Inject
    Inventory inventory;

    @Test
    void theCatalogAndCartsKeepAnsweringWhileOrderingPausesAndOrderingResumesByItself() {
        String category = db.string("SELECT c.slug FROM catalog.category c JOIN catalog.product p ON p.category_id = c.id"
                + " WHERE p.status = 'active' ORDER BY c.id LIMIT 1");
        String product = db.slugWhere("p.status = 'active'");
        String neverShown = db.string("SELECT slug FROM catalog.product WHERE status = 'active' ORDER BY id DESC LIMIT 1");
        String sku = Checkouts.sku(db, inventory, 20);
        Shopper buyer = new Shopper();
        Checkouts.addToCart(buyer, sku, 1);
        Shopper formBuyer = atReview(sku);
        Shopper customer = new Shopper();
        Accounts.signedUp(customer);
        String profileToken = customer.csrfToken("/account");
        given().get("/product/" + product).then().statusCode(200);

        CuttablePrimary.proxy.cut();
        try {
            for (String page : new String[] {"/", "/category/" + category, "/product/" + product}) {
                given().accept("text/html").get(page).then().statusCode(200);
            }
            given().queryParam("category", category).get("/api/v1/products").then().statusCode(200);
            given().get("/api/v1/products/" + neverShown).then().statusCode(200);
            assertThat(buyer.get("/cart").then().statusCode(200).extract().asString()).contains(sku);

            Response order = Checkouts.place(buyer, Checkouts.newKey(), Checkouts.body(Accounts.newEmail()));
            order.then().statusCode(503).contentType("application/problem+json");
            assertThat(order.header("Retry-After")).matches("[1-9][0-9]*");
            assertThat(order.jsonPath().getString("detail")).contains("Ordering", "paused");

            Response placePage = placeFromReview(formBuyer);
            assertThat(placePage.statusCode()).isEqualTo(503);
            assertThat(placePage.header("Retry-After")).isNotNull();
            assertThat(placePage.asString()).contains("paused");

            Response profile = customer.request().contentType("application/x-www-form-urlencoded")
                    .formParam("csrf-token", profileToken).formParam("name", "New Name").post("/account/profile");
            assertThat(profile.statusCode()).isEqualTo(503);
            assertThat(profile.asString()).contains("paused");

            given().get("/q/health/ready").then().statusCode(200);
            given().get("/q/health/live").then().statusCode(200);
            given().get("/q/health/group/database").then().statusCode(503);
        } finally {
            CuttablePrimary.proxy.restore();
        }

        Eventually.within(Duration.ofSeconds(60), "the database group check is UP again",
                () -> given().get("/q/health/group/database").statusCode() == 200);
        Response placed = Checkouts.place(buyer, Checkouts.newKey(), Checkouts.body(Accounts.newEmail()));
        assertThat(placed.statusCode()).as(placed.asString()).isEqualTo(201);
    }

    /** A shopper whose checkout stands at the review page: address, delivery and payment chosen. */
    private Shopper atReview(String sku) {
        Shopper shopper = new Shopper();
        Checkouts.addToCart(shopper, sku, 1);
        shopper.submit("/checkout/address", "/checkout/address", Map.of("email", Accounts.newEmail(),
                "fullName", "Erika Mustermann", "line1", "Heidestraße 17", "city", "Köln", "postalCode", "51147",
                "country", "DE"));
        shopper.submit("/checkout/shipping", "/checkout/shipping", Map.of("shippingMethod", "standard"));
        shopper.submit("/checkout/payment", "/checkout/payment", Map.of("paymentMethod", "bank-transfer"));
        return shopper;
    }

    private static Response placeFromReview(Shopper shopper) {
        String review = shopper.get("/checkout/review").then().statusCode(200).extract().asString();
        Map<String, String> fields = new java.util.HashMap<>();
        Matcher hidden = HIDDEN.matcher(review);
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2));
        }
        return shopper.submit("/checkout/review", "/checkout/place", fields);
    }
}
