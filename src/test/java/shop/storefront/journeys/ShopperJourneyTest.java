package shop.storefront.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.storefront.journeys.ProductOptions.choose;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.SizeColourProduct;

/**
 * A shopper's whole visit, on a desktop and on a phone, with JavaScript on and off: a search with a typo finds the
 * product, a size and colour other than the ones shown first are what the cart gets, an empty address form shows
 * every error at once, and the order is placed. No page of the journey may be wider than the screen; each step is
 * saved under target/screenshots/shopper-&lt;device&gt;-&lt;js|nojs&gt;-NN-&lt;step&gt;.png.
 */
@QuarkusTest
class ShopperJourneyTest {

    @TestHTTPResource("/")
    URL home;
    @Inject
    CatalogOracle db;

    @ParameterizedTest(name = "{0} {1}×{2}, JavaScript {3}")
    @CsvSource({"desktop, 1366, 900, true", "desktop, 1366, 900, false", "phone, 390, 844, true", "phone, 390, 844, false"})
    void findChooseBuyAndCheckOut(String device, int width, int height, boolean javaScript) {
        SizeColourProduct product = SizeColourProduct.create(db);
        List<String> tooWide = new ArrayList<>();
        String journey = "shopper-" + device + "-" + (javaScript ? "js" : "nojs");
        try (BrowserSession browser = BrowserSession.start(journey, width, height, javaScript)) {
            Page page = browser.page;
            Step step = name -> {
                browser.screenshot(name);
                if (!fitsTheScreen(page)) {
                    tooWide.add(name + " (" + page.evaluate("document.documentElement.scrollWidth") + " px)");
                }
            };
            page.navigate(home.toString());
            step.done("home");

            // "Parkka" for "Parka": one letter too many still finds it.
            page.locator("#site-search").fill("parkka " + product.tag());
            page.locator("#site-search").press("Enter");
            assertThat(page.locator(".card .card-name").allInnerTexts()).contains(product.name());
            step.done("typo-search");

            page.locator(".card a").filter(new Locator.FilterOptions().setHasText(product.name())).click();
            assertThat(page.locator("h1").innerText()).isEqualTo(product.name());
            step.done("product");

            choose(page, "size", "L");
            choose(page, "colour", "White");
            step.done("chosen");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to cart")).click();
            page.waitForURL("**/cart");
            Locator lines = page.locator("table.cart tbody tr");
            assertThat(lines.count()).isEqualTo(1);
            assertThat(lines.first().innerText()).contains(product.name(), "L / White", "SKU " + product.largeWhite());
            step.done("cart");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Checkout")).click();
            page.waitForURL("**/checkout/address");
            step.done("address");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to delivery")).click();
            assertThat(page.locator("[aria-invalid=true]").count())
                    .as("every empty required field is marked at once").isGreaterThanOrEqualTo(5);
            step.done("address-errors");

            page.locator("#email").fill("shopper-" + System.nanoTime() + "@example.com");
            page.locator("#fullName").fill("Jane Journey");
            page.locator("#line1").fill("Keizersgracht 123");
            page.locator("#city").fill("Amsterdam");
            page.locator("#postalCode").fill("1015 CJ");
            page.locator("#country").selectOption("NL");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to delivery")).click();
            page.getByText("Standard delivery").click();
            step.done("delivery");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to payment")).click();
            page.getByText("Bank transfer").click();
            step.done("payment");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review your order")).click();
            assertThat(page.locator("main").innerText()).contains(product.name(), "L / White", "Keizersgracht 123");
            step.done("review");
            page.locator("button.primary").click();
            assertThat(page.locator("h1").innerText()).isEqualTo("Thank you! Your order is placed.");
            assertThat(page.locator("#order-number").innerText()).matches("SF-[0-9A-Z]{4}-[0-9A-Z]{4}");
            step.done("confirmation");
        } finally {
            product.archive(db);
        }
        assertThat(tooWide).as("pages wider than the %d px screen", width).isEmpty();
    }

    private static boolean fitsTheScreen(Page page) {
        return (Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth");
    }

    @FunctionalInterface
    private interface Step {
        /** Saves the screenshot of the step and notes whether the page fits the screen. */
        void done(String name);
    }
}
