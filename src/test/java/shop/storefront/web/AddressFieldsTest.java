package shop.storefront.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shop.storefront.account.Accounts;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.Inventory;
import shop.storefront.checkout.Checkouts;

/**
 * The address book, the checkout pages and the checkout API check a postal address by the same rules: the same
 * typed value gets the same refusal naming the same field everywhere, and accepted values are stored alike.
 */
@QuarkusTest
class AddressFieldsTest {

    private static Shopper customer;

    @Inject
    CatalogOracle db;
    @Inject
    Inventory inventory;
    @Inject
    RedisDataSource redis;

    private Shopper guest;
    private String sku;
    /** Lines of the SKU that earlier tests ordered: a refusal must add none. */
    private long linesBefore;

    @BeforeEach
    void customerAndGuestWithACart() {
        Accounts.resetRateLimits(redis);
        if (customer == null) {
            customer = new Shopper();
            Accounts.signedUp(customer);
        }
        sku = Checkouts.sku(db, inventory, 5);
        linesBefore = db.longValue("SELECT count(*) FROM orders.order_line WHERE sku = ?", sku);
        guest = new Shopper();
        Checkouts.addToCart(guest, sku, 1);
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "fullName   | ''                 | Full name is required.",
            "fullName   | Ann{BEL}Example    | Full name can be at most 200 characters, without control characters.",
            "line1      | '   '              | Address is required.",
            "line2      | {201}              | Address line 2 can be at most 200 characters, without control characters.",
            "city       | ''                 | Town or city is required.",
            "city       | {101}              | Town or city can be at most 100 characters, without control characters.",
            "postalCode | {21}               | Postcode can be at most 20 characters, without control characters.",
            "country    | US                 | Choose a country we deliver to.",
            "country    | ''                 | Choose a country we deliver to.",
            "phone      | call me            | Phone numbers can contain digits, spaces and + ( ) . / - only.",
            "phone      | +49 221<script>    | Phone numbers can contain digits, spaces and + ( ) . / - only.",
            "phone      | +49 221{LF}1234567  | Phone number can be at most 40 characters, without control characters.",
            "phone      | {41}               | Phone number can be at most 40 characters, without control characters."})
    void everyAddressFormRefusesTheSameValueAlike(String field, String value, String message) {
        Map<String, String> typed = validAddress();
        typed.put(field, meant(value));

        Response addressBook = customer.submit("/account/addresses/new", "/account/addresses", typed);
        assertThat(addressBook.statusCode()).as(addressBook.asString()).isEqualTo(400);
        assertThat(addressBook.asString()).contains(shownAt(field, message));

        Map<String, String> checkoutForm = new HashMap<>(typed);
        checkoutForm.put("email", "guest@example.com");
        Response checkoutPage = guest.submit("/checkout/address", "/checkout/address", checkoutForm);
        assertThat(checkoutPage.statusCode()).as(checkoutPage.asString()).isEqualTo(400);
        assertThat(checkoutPage.asString()).contains(shownAt(field, message));

        Map<String, Object> body = Checkouts.body("guest@example.com");
        body.put("shippingAddress", new HashMap<>(typed));
        Response api = Checkouts.place(guest, Checkouts.newKey(), body);
        assertThat(api.statusCode()).as(api.asString()).isEqualTo(400);
        assertThat(api.jsonPath().getString("detail")).isEqualTo(message);
        assertThat(api.jsonPath().getString("invalidParams[0].name")).isEqualTo(field);

        assertThat(db.longValue("SELECT count(*) FROM orders.order_line WHERE sku = ?", sku)).isEqualTo(linesBefore);
        assertThat(guest.get("/checkout/shipping").header("Location")).as("no delivery details saved").endsWith("/checkout/address");
    }

    @Test
    void theAddressBookAndAnOrderStoreTheSameNormalisedAddress() {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("fullName", "  Erika Mustermann ");
        typed.put("line1", " Heidestraße 17\t");
        typed.put("line2", "  Hinterhaus ");
        typed.put("city", " Köln ");
        typed.put("postalCode", " 51147 ");
        typed.put("country", " de ");
        typed.put("phone", " +49 (221) 123-4567 ");
        Shopper shopper = new Shopper();
        String email = Accounts.signedUp(shopper);
        assertThat(shopper.submit("/account/addresses/new", "/account/addresses", typed).statusCode()).isEqualTo(303);
        Map<String, Object> body = Checkouts.body("  Guest." + email.toUpperCase(Locale.ROOT) + " ");
        body.put("shippingAddress", new HashMap<>(typed));
        Response placed = Checkouts.place(guest, Checkouts.newKey(), body);
        assertThat(placed.statusCode()).as(placed.asString()).isEqualTo(201);

        List<Object> expected = typed.entrySet().stream().map(e -> (Object) (e.getKey().equals("country")
                ? e.getValue().strip().toUpperCase(Locale.ROOT) : e.getValue().strip())).toList();
        List<Object> saved = db.rows("SELECT a.full_name, a.line1, a.line2, a.city, a.postal_code, a.country, a.phone"
                + " FROM account.address a JOIN account.customer c ON c.id = a.customer_id WHERE c.email = ?", email).getFirst();
        List<Object> ordered = db.rows("SELECT ship_full_name, ship_line1, ship_line2, ship_city, ship_postal_code, ship_country,"
                + " ship_phone FROM orders.customer_order WHERE number = ?", placed.jsonPath().getString("order.number")).getFirst();
        assertThat(saved).isEqualTo(expected);
        assertThat(ordered).isEqualTo(expected);
        assertThat(db.string("SELECT email FROM orders.customer_order WHERE number = ?", placed.jsonPath().getString("order.number")))
                .isEqualTo("guest." + email);
    }

    /** The value a case means: {n} is n characters, {LF} and {BEL} are those control characters. */
    private static String meant(String value) {
        if (value != null && value.matches("\\{\\d+}")) {
            return "7".repeat(Integer.parseInt(value.substring(1, value.length() - 1)));
        }
        return value == null ? null : value.replace("{LF}", "\n").replace("{BEL}", "\u0007");
    }

    private static Map<String, String> validAddress() {
        return new HashMap<>(Map.of("fullName", "Erika Mustermann", "line1", "Heidestraße 17", "line2", "", "city", "Köln",
                "postalCode", "51147", "country", "DE", "phone", "+49 221 1234567"));
    }

    /** The message next to its field, and as the error summary's link to the field. */
    private static String[] shownAt(String field, String message) {
        return new String[] {"id=\"" + field + "-error\"><span class=\"visually-hidden\">Error:</span> " + escaped(message),
                "aria-describedby=\"" + field + "-error\"", "<a href=\"#" + field + "\">" + escaped(message) + "</a>"};
    }

    /** As Qute writes text into HTML. */
    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
