package shop.storefront.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Random;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import shop.storefront.account.Accounts;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.Inventory;
import shop.storefront.web.Shopper;

/** A customer checks out through the pages with their saved address, then finds the order in their history; guests look theirs up. */
@QuarkusTest
class CustomerOrdersTest {

    private static final Random RANDOM = new Random();

    @Inject
    CatalogOracle db;
    @Inject
    Inventory inventory;
    @Inject
    RedisDataSource redis;
    @ConfigProperty(name = "storefront.checkout.order-lookups-per-minute")
    int lookupsPerMinute;

    @Test
    void customerChecksOutWithTheSavedAddressAndSeesTheOrderInTheirHistory() {
        Accounts.resetRateLimits(redis);
        String sku = Checkouts.sku(db, inventory, 5);
        Shopper customer = new Shopper();
        String email = Accounts.signedUp(customer);
        assertThat(customer.submit("/account/addresses/new", "/account/addresses", Map.of("fullName", "Sven Svensson",
                "line1", "Drottninggatan 5", "city", "Stockholm", "postalCode", "111 51", "country", "SE",
                "defaultShipping", "on")).statusCode()).isEqualTo(303);
        Checkouts.addToCart(customer, sku, 1);

        String addressPage = customer.get("/checkout/address").asString();
        assertThat(addressPage).contains("value=\"Drottninggatan 5\"", "<option value=\"SE\" selected>").doesNotContain("id=\"email\"");
        assertThat(customer.submit("/checkout/address", "/checkout/address", Map.of("fullName", "Sven Svensson",
                "line1", "Drottninggatan 5", "city", "Stockholm", "postalCode", "111 51", "country", "SE")).header("Location"))
                .endsWith("/checkout/shipping");
        assertThat(customer.submit("/checkout/shipping", "/checkout/shipping", Map.of("shippingMethod", "standard")).statusCode()).isEqualTo(303);
        assertThat(customer.submit("/checkout/payment", "/checkout/payment", Map.of("paymentMethod", "cash-on-delivery")).statusCode()).isEqualTo(303);
        String review = customer.get("/checkout/review").asString();
        assertThat(review).contains("VAT (25 %)", "Pay on delivery", "Drottninggatan 5", "Sweden");
        String key = review.replaceAll("(?s).*name=\"idempotencyKey\" value=\"([^\"]+)\".*", "$1");
        String total = review.replaceAll("(?s).*name=\"expectedTotal\" value=\"([^\"]+)\".*", "$1");

        Response placed = customer.submit("/checkout/review", "/checkout/place", Map.of("idempotencyKey", key, "expectedTotal", total));
        assertThat(placed.statusCode()).isEqualTo(303);
        String number = placed.header("Location").replaceAll(".*/orders/(SF-[0-9A-Z-]+)\\?.*", "$1");
        // A double click: the same form again shows the same order and places nothing more.
        Response again = customer.submit("/orders/lookup", "/checkout/place", Map.of("idempotencyKey", key, "expectedTotal", total));
        assertThat(again.header("Location")).contains("/orders/" + number);
        assertThat(db.longValue("SELECT count(*) FROM orders.customer_order WHERE email = ?", email)).isEqualTo(1);
        assertThat(db.longValue("SELECT stock_on_hand FROM catalog.variant WHERE sku = ?", sku)).isEqualTo(4);

        assertThat(customer.get("/orders").asString()).contains(number, "Placed");
        assertThat(customer.get("/orders/" + number).asString()).contains("Drottninggatan 5", "Pay on delivery");
        assertThat(customer.request().get("/api/v1/orders").jsonPath().getList("number")).containsExactly(number);
        assertThat(customer.get("/account").asString()).contains("href=\"/orders\"");

        Shopper stranger = new Shopper();
        Accounts.signedUp(stranger);
        assertThat(stranger.get("/orders/" + number).statusCode()).isEqualTo(404);
        assertThat(stranger.request().get("/api/v1/orders").jsonPath().getList("number")).isEmpty();
        assertThat(new Shopper().get("/orders").statusCode()).as("history needs sign-in").isEqualTo(302);
        io.restassured.RestAssured.given().get("/api/v1/orders").then().statusCode(401).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("Sign in first"));
    }

    @Test
    void guestsFindTheirOrderWithNumberAndEmailOnly() {
        String sku = Checkouts.sku(db, inventory, 5);
        String email = "lookup-" + System.nanoTime() + "@example.com";
        String number = Checkouts.guestOrder(sku, email, "bank-transfer");
        Shopper guest = new Shopper();
        Response found = guest.submit("/orders/lookup", "/orders/lookup", Map.of("number", number.toLowerCase(), "email", email.toUpperCase()));
        assertThat(found.statusCode()).isEqualTo(303);
        assertThat(guest.get(found.header("Location").replaceFirst("^https?://[^/]+", "")).asString()).contains(number, "Please transfer");
        Response wrongEmail = guest.submit("/orders/lookup", "/orders/lookup", Map.of("number", number, "email", "someone@example.com"));
        Response wrongNumber = guest.submit("/orders/lookup", "/orders/lookup", Map.of("number", "SF-0000-0000", "email", email));
        assertThat(wrongEmail.statusCode()).isEqualTo(404);
        assertThat(wrongNumber.statusCode()).isEqualTo(404);
        assertThat(wrongEmail.asString()).contains("We found no order with that number and e-mail address");
        assertThat(guest.get("/orders/" + number).statusCode()).as("no token, not signed in").isEqualTo(404);
    }

    @Test
    void lookUpsAreLimitedPerClientAddress() {
        Accounts.resetRateLimits(redis);
        String sku = Checkouts.sku(db, inventory, 5);
        String email = "lookup-limit-" + System.nanoTime() + "@example.com";
        String number = Checkouts.guestOrder(sku, email, "bank-transfer");
        for (int i = 0; i < lookupsPerMinute; i++) {
            Response guess = lookUp("203.0.113.60", randomNumber(), email);
            assertThat(guess.statusCode()).as("guess %d", i + 1).isEqualTo(404);
        }
        Response refused = lookUp("203.0.113.60", number, email);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.asString()).containsPattern("Too many look-ups\\. Try again in \\d+ seconds?\\.")
                .contains("value=\"" + number + "\"");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);

        assertThat(lookUp("198.51.100.60", number, email).statusCode()).as("another address").isEqualTo(303);
    }

    @Test
    void lookUpsAreLimitedPerOrderNumberFromWhereverTheyCome() {
        Accounts.resetRateLimits(redis);
        String sku = Checkouts.sku(db, inventory, 5);
        String email = "lookup-number-" + System.nanoTime() + "@example.com";
        String number = Checkouts.guestOrder(sku, email, "cash-on-delivery");
        for (int i = 0; i < lookupsPerMinute; i++) {
            assertThat(lookUp("203.0.113." + (100 + i), number, "guess" + i + "@example.com").statusCode()).isEqualTo(404);
        }
        assertThat(lookUp("198.51.100.61", number.toLowerCase(), email).statusCode()).isEqualTo(429);
        assertThat(lookUp("198.51.100.61", randomNumber(), email).statusCode()).as("other numbers").isEqualTo(404);
    }

    private static Response lookUp(String clientAddress, String number, String email) {
        return new Shopper().forwardedFor(clientAddress).submit("/orders/lookup", "/orders/lookup", Map.of("number", number, "email", email));
    }

    private static String randomNumber() {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        StringBuilder number = new StringBuilder("SF-");
        for (int i = 0; i < 9; i++) {
            number.append(i == 4 ? '-' : alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return number.toString();
    }
}
