package shop.storefront.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.storefront.journeys.ProductOptions.choose;
import static shop.storefront.journeys.ProductOptions.label;
import static shop.storefront.journeys.ProductOptions.option;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.SizeColourProduct;

/**
 * With JavaScript off, on a desktop and a phone: a shopper picks a size and a colour other than the ones shown first
 * and the cart gets exactly that SKU.
 */
@QuarkusTest
class VariantChoiceJourneyTest {

    @TestHTTPResource("/")
    URL home;
    @Inject
    CatalogOracle db;

    @ParameterizedTest(name = "{0} {1}×{2}")
    @CsvSource({"desktop, 1366, 900", "phone, 390, 844"})
    void theChosenSizeAndColourIsWhatTheCartGets(String device, int width, int height) {
        SizeColourProduct product = SizeColourProduct.create(db);
        try (BrowserSession browser = BrowserSession.start("variant-" + device + "-nojs", width, height, false)) {
            Page page = browser.page;
            page.navigate(home + product.path().substring(1));
            assertThat(page.locator("h1").innerText()).isEqualTo(product.name());
            // The first variant in stock is shown first: S / Black.
            assertThat(option(page, "size", "S").isChecked()).isTrue();
            assertThat(option(page, "colour", "Black").isChecked()).isTrue();
            // Offered as buyable: L comes in Black; White does not come in S, and says so.
            assertThat(label(page, "size", "L").innerText()).isEqualTo("L");
            assertThat(label(page, "colour", "White").innerText()).contains("White", "Not in S");
            browser.screenshot("product");

            choose(page, "size", "L");
            choose(page, "colour", "White");
            assertThat(option(page, "size", "L").isChecked()).isTrue();
            assertThat(option(page, "colour", "White").isChecked()).isTrue();
            browser.screenshot("chosen");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to cart")).click();
            assertThat(page.url()).endsWith("/cart");
            Locator lines = page.locator("table.cart tbody tr");
            assertThat(lines.count()).isEqualTo(1);
            assertThat(lines.first().innerText()).contains(product.name(), "L / White", "SKU " + product.largeWhite());
            assertThat(page.locator(".subtotal").innerText()).contains("(1 item)");
            browser.screenshot("cart");
        } finally {
            product.archive(db);
        }
    }
}
