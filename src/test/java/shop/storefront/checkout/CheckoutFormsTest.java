package shop.storefront.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.Inventory;
import shop.storefront.web.Shopper;

/**
 * The checkout's forms show every problem at once, each next to its field and listed above the form as a link to it,
 * with what was typed kept; postcodes are checked in the chosen country's format; every step shows the order so far
 * and links back to the steps already done.
 */
@QuarkusTest
class CheckoutFormsTest {

    @Inject
    CatalogOracle db;
    @Inject
    Inventory inventory;

    private Shopper shopper;

    @BeforeEach
    void guestWithACart() {
        shopper = new Shopper();
        Checkouts.addToCart(shopper, Checkouts.sku(db, inventory, 5), 2);
    }

    /** As a browser sends the form left empty: the country select always sends its first choice. */
    @Test
    void anEmptyAddressFormShowsEveryRequiredFieldsErrorInOneResponse() {
        Response page = shopper.submit("/checkout/address", "/checkout/address", address("", "", "", "", "", "AT"));

        assertThat(page.statusCode()).isEqualTo(400);
        String html = page.asString();
        Map<String, String> expected = Map.of("email", "Enter an e-mail address such as name@example.com.",
                "fullName", "Full name is required.", "line1", "Address is required.", "city", "Town or city is required.",
                "postalCode", "Postcode is required.");
        for (Map.Entry<String, String> field : expected.entrySet()) {
            assertThat(input(html, field.getKey())).as(field.getKey())
                    .contains("aria-invalid=\"true\"", "aria-describedby=\"" + field.getKey() + "-error\"");
            assertThat(html).contains("id=\"" + field.getKey() + "-error\"><span class=\"visually-hidden\">Error:</span> " + field.getValue());
        }
        assertThat(summaryLinks(html)).as("the error summary, in form order")
                .containsExactly("email", "fullName", "line1", "city", "postalCode");
        assertThat(html).contains("<title>Error: Checkout: address", "id=\"error-summary\" tabindex=\"-1\"", "role=\"alert\"");
        assertThat(input(html, "line2")).doesNotContain("aria-invalid");
        assertThat(input(html, "phone")).doesNotContain("aria-invalid");
    }

    @Test
    void whatWasTypedIsKeptNextToTheErrors() {
        Map<String, String> typed = address("kept@example.com", "Erika Mustermann", "Heidestraße 17", "", "1011", "DE");
        typed.put("phone", "+49 221 1234567");

        String html = shopper.submit("/checkout/address", "/checkout/address", typed).asString();

        assertThat(input(html, "email")).contains("value=\"kept@example.com\"");
        assertThat(input(html, "fullName")).contains("value=\"Erika Mustermann\"");
        assertThat(input(html, "line1")).contains("value=\"Heidestraße 17\"");
        assertThat(input(html, "postalCode")).contains("value=\"1011\"", "aria-invalid=\"true\"");
        assertThat(input(html, "phone")).contains("value=\"+49 221 1234567\"");
        assertThat(html).contains("<option value=\"DE\" selected>Germany</option>");
        assertThat(summaryLinks(html)).containsExactly("city", "postalCode");
    }

    @Test
    void aGermanPostcodeMustHaveFiveDigits() {
        Response bad = shopper.submit("/checkout/address", "/checkout/address",
                address("de@example.com", "Erika Mustermann", "Heidestraße 17", "Köln", "5114", "DE"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("Enter a postcode like 26133 for Germany.");
        assertThat(summaryLinks(bad.asString())).containsExactly("postalCode");

        Response good = shopper.submit("/checkout/address", "/checkout/address",
                address("de@example.com", "Erika Mustermann", "Heidestraße 17", "Köln", " 51147 ", "DE"));
        assertThat(good.statusCode()).isEqualTo(303);
        assertThat(good.header("Location")).endsWith("/checkout/shipping");
    }

    /** A British postcode typed without its space or capitals is stored in its usual form. */
    @Test
    void aBritishPostcodeIsStoredInItsUsualForm() {
        assertThat(shopper.submit("/checkout/address", "/checkout/address",
                address("gb@example.com", "Ann Example", "10 Downing Street", "London", "sw1a2aa", "GB")).statusCode()).isEqualTo(303);

        assertThat(input(shopper.get("/checkout/address").asString(), "postalCode")).contains("value=\"SW1A 2AA\"");
    }

    @Test
    void theApiListsEveryBadFieldInItsProblemBody() {
        Map<String, Object> body = Checkouts.body("not-an-address");
        @SuppressWarnings("unchecked")
        Map<String, Object> address = (Map<String, Object>) body.get("shippingAddress");
        address.put("fullName", "");
        address.put("city", " ");
        address.put("postalCode", "ABC");

        Response api = Checkouts.place(shopper, Checkouts.newKey(), body);

        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.contentType()).startsWith("application/problem+json");
        assertThat(api.jsonPath().getString("detail")).isEqualTo("Enter an e-mail address such as name@example.com.");
        assertThat(api.jsonPath().getList("invalidParams.name")).containsExactly("email", "fullName", "city", "postalCode");
        assertThat(api.jsonPath().getList("invalidParams.reason")).containsExactly("Enter an e-mail address such as name@example.com.",
                "Full name is required.", "Town or city is required.", "Enter a postcode like 26133 for Germany.");
    }

    @Test
    void everyStepShowsTheOrderSoFarAndLinksBackToTheStepsDone() {
        String addressPage = shopper.get("/checkout/address").asString();
        assertThat(summary(addressPage)).contains("Your order", "× 2", "Not chosen yet", "Total so far");
        assertThat(steps(addressPage)).contains("<li aria-current=\"step\">Address</li>").doesNotContain("<a ");

        shopper.submit("/checkout/address", "/checkout/address",
                address("steps@example.com", "Erika Mustermann", "Heidestraße 17", "Köln", "51147", "DE"));
        String shippingPage = shopper.get("/checkout/shipping").asString();
        assertThat(summary(shippingPage)).contains("× 2", "Not chosen yet");
        assertThat(steps(shippingPage)).contains("<a href=\"/checkout/address\">Address", "<li aria-current=\"step\">Delivery</li>",
                "<li>Payment</li>", "<li>Review</li>");

        shopper.submit("/checkout/shipping", "/checkout/shipping", Map.of("shippingMethod", "standard"));
        String paymentPage = shopper.get("/checkout/payment").asString();
        assertThat(summary(paymentPage)).contains("× 2", "Delivery (", "id=\"summary-total\"").doesNotContain("Not chosen yet");
        assertThat(steps(paymentPage)).contains("<a href=\"/checkout/address\">", "<a href=\"/checkout/shipping\">Delivery",
                "<li aria-current=\"step\">Payment</li>", "<li>Review</li>");

        shopper.submit("/checkout/payment", "/checkout/payment", Map.of("paymentMethod", "bank-transfer"));
        String reviewPage = shopper.get("/checkout/review").asString();
        assertThat(reviewPage).contains("id=\"order-total\"");
        assertThat(steps(reviewPage)).contains("<a href=\"/checkout/payment\">Payment", "<li aria-current=\"step\">Review</li>");
    }

    @Test
    void aMissingDeliveryOrPaymentChoiceIsMarkedOnItsGroup() {
        shopper.submit("/checkout/address", "/checkout/address",
                address("choice@example.com", "Erika Mustermann", "Heidestraße 17", "Köln", "51147", "DE"));

        Response noDelivery = shopper.submit("/checkout/shipping", "/checkout/shipping", Map.of());
        assertThat(noDelivery.statusCode()).isEqualTo(400);
        assertThat(noDelivery.asString()).contains("<fieldset role=\"radiogroup\" aria-invalid=\"true\" aria-describedby=\"shippingMethod-error\">",
                "<a href=\"#shippingMethod\">Choose one of the delivery options below.</a>", "id=\"shippingMethod\"");
        assertThat(summary(noDelivery.asString())).contains("Your order");

        shopper.submit("/checkout/shipping", "/checkout/shipping", Map.of("shippingMethod", "standard"));
        Response noPayment = shopper.submit("/checkout/payment", "/checkout/payment", Map.of("paymentMethod", "iou"));
        assertThat(noPayment.statusCode()).isEqualTo(400);
        assertThat(noPayment.asString()).contains("<fieldset role=\"radiogroup\" aria-invalid=\"true\" aria-describedby=\"paymentMethod-error\">",
                "<a href=\"#paymentMethod\">Choose one of the payment methods below.</a>", "id=\"paymentMethod\"");
    }

    private static Map<String, String> address(String email, String fullName, String line1, String city, String postalCode,
            String country) {
        Map<String, String> fields = new HashMap<>(Map.of("email", email, "fullName", fullName, "line1", line1, "line2", "",
                "city", city, "postalCode", postalCode, "country", country, "phone", ""));
        return fields;
    }

    /** The input element with this id. */
    private static String input(String html, String id) {
        Matcher m = Pattern.compile("<input id=\"" + id + "\"[^>]*>").matcher(html);
        assertThat(m.find()).as("an input with id " + id).isTrue();
        return m.group();
    }

    /** The fields the error summary links to, in its order. */
    private static List<String> summaryLinks(String html) {
        Matcher summary = Pattern.compile("(?s)<div class=\"error-summary\".*?</ul>").matcher(html);
        assertThat(summary.find()).as("an error summary").isTrue();
        Matcher links = Pattern.compile("<a href=\"#([A-Za-z0-9]+)\">").matcher(summary.group());
        List<String> fields = new ArrayList<>();
        while (links.find()) {
            fields.add(links.group(1));
        }
        return fields;
    }

    private static String summary(String html) {
        Matcher m = Pattern.compile("(?s)<aside class=\"checkout-summary\".*?</aside>").matcher(html);
        assertThat(m.find()).as("the order summary").isTrue();
        return m.group();
    }

    private static String steps(String html) {
        Matcher m = Pattern.compile("(?s)<ol class=\"checkout-steps\".*?</ol>").matcher(html);
        assertThat(m.find()).as("the checkout steps").isTrue();
        return m.group();
    }
}
