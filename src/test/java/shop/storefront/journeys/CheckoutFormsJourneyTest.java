package shop.storefront.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.Inventory;

/**
 * On a desktop and a phone, with JavaScript on and off: the address step sent empty shows every error at once, listed
 * above the form and next to each field; once they are fixed the shopper goes on, can go back through the done step's
 * link, and sees the order summary on every step.
 */
@QuarkusTest
class CheckoutFormsJourneyTest {

    private static final List<String> REQUIRED = List.of("email", "fullName", "line1", "city", "postalCode");

    @TestHTTPResource("/")
    URL home;
    @Inject
    CatalogOracle db;
    @Inject
    Inventory inventory;

    @ParameterizedTest(name = "{0} {1}×{2} JavaScript {3}")
    @CsvSource({"desktop, 1366, 900, true", "desktop, 1366, 900, false", "phone, 390, 844, true", "phone, 390, 844, false"})
    void emptyAddressShowsEveryErrorThenTheStepsGoOnWithTheSummary(String device, int width, int height, boolean javaScript) {
        String slug = db.string("SELECT p.slug FROM catalog.product p WHERE p.status = 'active'"
                + " AND (SELECT count(*) FROM catalog.variant v WHERE v.product_id = p.id) = 1 ORDER BY p.id DESC LIMIT 1");
        inventory.setStock(db.string("SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id WHERE p.slug = ?",
                slug), 5);
        String journey = "checkout-forms-" + device + (javaScript ? "-js" : "-nojs");
        try (BrowserSession browser = BrowserSession.start(journey, width, height, javaScript)) {
            Page page = browser.page;
            page.navigate(home + "product/" + slug);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to cart")).click();
            assertThat(page.url()).endsWith("/cart");

            page.navigate(home + "checkout/address");
            assertSummaryShown(page, "Not chosen yet");
            button(page, "Continue to delivery").click();

            Locator errors = page.locator("#error-summary");
            assertThat(errors.isVisible()).isTrue();
            assertThat(errors.locator("a").allInnerTexts()).containsExactly("Enter an e-mail address such as name@example.com.",
                    "Full name is required.", "Address is required.", "Town or city is required.", "Postcode is required.");
            for (String field : REQUIRED) {
                Locator input = page.locator("#" + field);
                assertThat(input.getAttribute("aria-invalid")).as(field).isEqualTo("true");
                assertThat(page.locator("#" + input.getAttribute("aria-describedby")).isVisible()).as(field).isTrue();
            }
            assertSummaryShown(page, "Not chosen yet");
            if (javaScript) {
                assertThat(page.evaluate("document.activeElement.id")).as("the summary takes focus").isEqualTo("error-summary");
                errors.getByText("Town or city is required.").click();
                assertThat(page.evaluate("document.activeElement.id")).as("its link focuses the field").isEqualTo("city");
            }
            browser.screenshot("address-errors");

            page.locator("#email").fill("forms-" + System.nanoTime() + "@example.com");
            page.locator("#fullName").fill("Jane Journey");
            page.locator("#line1").fill("Keizersgracht 123");
            page.locator("#city").fill("Amsterdam");
            page.locator("#country").selectOption("NL");
            page.locator("#postalCode").fill("1015");
            button(page, "Continue to delivery").click();
            assertThat(errors.locator("a").allInnerTexts()).as("only the postcode is left")
                    .containsExactly("Enter a postcode like 1234 AB for the Netherlands.");
            assertThat(page.locator("#line1").inputValue()).as("what was typed is kept").isEqualTo("Keizersgracht 123");
            browser.screenshot("address-postcode");

            page.locator("#postalCode").fill("1015cj");
            button(page, "Continue to delivery").click();
            assertThat(page.url()).endsWith("/checkout/shipping");
            assertStep(page, "Delivery");
            assertSummaryShown(page, "Not chosen yet");
            browser.screenshot("delivery");

            steps(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Address (done)")).click();
            assertThat(page.url()).endsWith("/checkout/address");
            assertThat(page.locator("#postalCode").inputValue()).as("stored in its usual form").isEqualTo("1015 CJ");
            button(page, "Continue to delivery").click();

            page.getByText("Standard delivery").click();
            button(page, "Continue to payment").click();
            assertStep(page, "Payment");
            assertSummaryShown(page, "Standard delivery");
            assertThat(steps(page).getByRole(AriaRole.LINK).allTextContents()).containsExactly("Address (done)", "Delivery (done)");
            browser.screenshot("payment");

            page.getByText("Bank transfer").click();
            button(page, "Review your order").click();
            assertStep(page, "Review");
            assertThat(page.locator("#order-total").isVisible()).isTrue();
            assertThat(steps(page).getByRole(AriaRole.LINK).allTextContents())
                    .containsExactly("Address (done)", "Delivery (done)", "Payment (done)");
            browser.screenshot("review");
        }
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    private static Locator steps(Page page) {
        return page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Checkout steps"));
    }

    private static void assertStep(Page page, String current) {
        assertThat(steps(page).locator("[aria-current=step]").innerText()).isEqualTo(current);
    }

    /** The order summary beside the form: the item, the delivery (or that it is not chosen yet) and a total. */
    private static void assertSummaryShown(Page page, String delivery) {
        Locator summary = page.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("Your order"));
        assertThat(summary.isVisible()).isTrue();
        assertThat(summary.innerText()).contains("× 1", delivery, "Total");
        assertThat(summary.locator("#summary-total").isVisible()).isTrue();
    }
}
