package shop.storefront.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shop.storefront.account.Accounts;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.Inventory;
import shop.storefront.checkout.Checkouts;

/**
 * Addresses the mail client would send somewhere else (a display name or comment hiding another address, a relay
 * route) or could never send to (a list): every form and endpoint that takes an e-mail refuses them with a 400
 * naming the field, and keeps nothing.
 */
@QuarkusTest
class HostileEmailTest {

    private static final String MESSAGE = "Enter an e-mail address such as name@example.com.";

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

    @ParameterizedTest
    @HostileAddresses
    void signUpPage(String hostile) {
        long customers = db.longValue("SELECT count(*) FROM account.customer");
        Response response = Accounts.signUp(new Shopper(), hostile, Accounts.PASSWORD);
        assertRefusedForm(response, "/account/sign-up");
        assertThat(db.longValue("SELECT count(*) FROM account.customer")).isEqualTo(customers);
        assertThat(db.longValue("SELECT count(*) FROM account.customer WHERE email = ?", normal(hostile))).isZero();
        assertThat(redis.key().keys("ratelimit:*")).as("not even an attempt is recorded").isEmpty();
    }

    @ParameterizedTest
    @HostileAddresses
    void passwordResetPage(String hostile) {
        Response response = new Shopper().submit("/account/forgot", "/account/forgot", Map.of("email", hostile));
        assertRefusedForm(response, "/account/forgot");
        assertThat(response.asString()).doesNotContain("If an account exists");
        assertThat(redis.key().keys("ratelimit:*")).as("not even an attempt is recorded").isEmpty();
    }

    @ParameterizedTest
    @HostileAddresses
    void signInPageLooksLikeAnyFailedSignIn(String hostile) {
        Response response = Accounts.signIn(new Shopper(), hostile, Accounts.PASSWORD);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.asString()).contains("That e-mail and password do not match an account.");
        assertThat(response.getDetailedCookie("__Host-session")).isNull();
    }

    @ParameterizedTest
    @HostileAddresses
    void checkoutApi(String hostile) {
        Shopper shopper = new Shopper();
        String sku = Checkouts.sku(db, inventory, 5);
        // Other tests may have ordered this SKU before: what counts is that this refusal adds no line.
        long linesBefore = db.longValue("SELECT count(*) FROM orders.order_line WHERE sku = ?", sku);
        Checkouts.addToCart(shopper, sku, 1);
        Response response = Checkouts.place(shopper, Checkouts.newKey(), Checkouts.body(hostile));
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("detail")).isEqualTo(MESSAGE);
        assertThat(response.jsonPath().getString("invalidParams[0].name")).isEqualTo("email");
        assertThat(db.longValue("SELECT count(*) FROM orders.order_line WHERE sku = ?", sku)).isEqualTo(linesBefore);
        assertThat(db.longValue("SELECT count(*) FROM orders.customer_order WHERE email = ?", normal(hostile))).isZero();
        assertThat(db.longValue("SELECT stock_on_hand FROM catalog.variant WHERE sku = ?", sku)).isEqualTo(5);
    }

    @ParameterizedTest
    @HostileAddresses
    void checkoutPage(String hostile) {
        Shopper shopper = new Shopper();
        Checkouts.addToCart(shopper, Checkouts.sku(db, inventory, 5), 1);
        Map<String, String> form = new HashMap<>(Map.of("email", hostile, "fullName", "Erika Mustermann",
                "line1", "Heidestraße 17", "city", "Köln", "postalCode", "51147", "country", "DE"));
        Response response = shopper.submit("/checkout/address", "/checkout/address", form);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        assertThat(response.asString()).as("the message next to the e-mail field").contains("action=\"/checkout/address\"",
                "id=\"email-error\"><span class=\"visually-hidden\">Error:</span> " + MESSAGE, "aria-describedby=\"email-error\"");
        assertThat(response.asString()).as("the rest of the form is kept").contains("value=\"Heidestraße 17\"");
        Response next = shopper.get("/checkout/shipping");
        assertThat(next.statusCode()).isEqualTo(303);
        assertThat(next.header("Location")).as("no delivery details were saved").endsWith("/checkout/address");
    }

    @ParameterizedTest
    @HostileAddresses
    void orderLookupPage(String hostile) {
        Response response = new Shopper().submit("/orders/lookup", "/orders/lookup", Map.of("number", "SF-0000-0000", "email", hostile));
        assertRefusedForm(response, "/orders/lookup");
    }

    /** The form again, with a 400 and the e-mail message, never a generic error page. */
    private static void assertRefusedForm(Response response, String action) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        assertThat(response.asString()).contains("role=\"alert\" id=\"form-error\">" + MESSAGE, "action=\"" + action + "\"",
                "name=\"email\"");
    }

    private static String normal(String typed) {
        return typed.strip().toLowerCase(Locale.ROOT);
    }

    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @ValueSource(strings = {
            "x<attacker@evil.example>",
            "Shop Support <attacker@evil.example>",
            "attacker@evil.example(victim@shop.example)",
            "a@b.c,d",
            "victim@shop.example,attacker@evil.example",
            "victim@shop.example\r\nBcc: spy@evil.example",
            "victim%evil.example@relay.example"})
    @interface HostileAddresses {
    }
}
