package shop.storefront.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.storefront.journeys.ProductOptions.choose;
import static shop.storefront.journeys.ProductOptions.label;
import static shop.storefront.journeys.ProductOptions.option;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.SizeColourProduct;

/**
 * With JavaScript on, on a desktop and a phone: picking a size and a colour shows that variant's price, stock, SKU and
 * picture without leaving the page, keeps the choice in the address, says why a combination cannot be bought, and
 * the cart gets exactly the variant shown.
 */
@QuarkusTest
class ProductPageScriptJourneyTest {

    @TestHTTPResource("/")
    URL home;
    @Inject
    CatalogOracle db;

    @ParameterizedTest(name = "{0} {1}×{2}")
    @CsvSource({"desktop, 1366, 900", "phone, 390, 844"})
    void pickingOptionsShowsThatVariantInPlaceAndTheCartGetsIt(String device, int width, int height) {
        SizeColourProduct product = SizeColourProduct.create(db);
        String black = picture(product, "Black", 0);
        String white = picture(product, "White", 1);
        // L / White is on sale, so its price differs from the S / Black shown first.
        db.update("UPDATE catalog.variant SET price_amount = 69.00, compare_at_amount = 89.00 WHERE sku = ?",
                product.largeWhite());
        try (BrowserSession browser = BrowserSession.start("variant-" + device + "-js", width, height, true)) {
            // Web-first assertions wait for the script's change; the ceiling allows for a busy machine.
            PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
            Page page = browser.page;
            page.navigate(home + product.path().substring(1));
            // Set once: it survives only if no choice below loads another page.
            page.evaluate("window.samePage = 'yes'");
            assertThat(text(page, "#sku")).isEqualTo("SKU " + product.smallBlack());
            assertThat(firstPicture(page).getAttribute("src")).contains(black);
            PlaywrightAssertions.assertThat(label(page, "colour", "White")).containsText("Not in S");
            browser.screenshot("product");

            choose(page, "size", "L");
            PlaywrightAssertions.assertThat(page.locator("#sku")).hasText("SKU " + product.largeBlack());
            PlaywrightAssertions.assertThat(label(page, "colour", "White")).hasText("White");
            choose(page, "colour", "White");
            PlaywrightAssertions.assertThat(page.locator("#sku")).hasText("SKU " + product.largeWhite());
            assertThat(text(page, "#price")).contains("€69.00", "Was €89.00", "Save €20.00");
            assertThat(text(page, "#stock")).isEqualTo("Only " + SizeColourProduct.LARGE_WHITE_STOCK + " left");
            PlaywrightAssertions.assertThat(firstPicture(page)).hasAttribute("src", containing(white));
            assertThat(firstPicture(page).getAttribute("alt")).contains("white");
            assertThat(page.evaluate("window.samePage")).isEqualTo("yes");
            URI address = URI.create(page.url());
            assertThat(address.getPath()).isEqualTo(product.path());
            assertThat(address.getQuery()).isEqualTo("size=L&colour=White");
            browser.screenshot("chosen");

            choose(page, "size", "M");
            Locator button = page.locator("form.add-to-cart button[type=submit]");
            PlaywrightAssertions.assertThat(button).hasText("Out of stock");
            PlaywrightAssertions.assertThat(button).isDisabled();
            assertThat(text(page, "#stock")).isEqualTo("Out of stock");
            browser.screenshot("sold-out");
            choose(page, "size", "S");
            PlaywrightAssertions.assertThat(button).hasText("Not made in S / White");
            PlaywrightAssertions.assertThat(button).isDisabled();
            PlaywrightAssertions.assertThat(page.locator("#sku")).isHidden();
            PlaywrightAssertions.assertThat(label(page, "size", "M")).containsText("Out of stock");
            assertThat(page.evaluate("document.documentElement.scrollWidth <= innerWidth"))
                    .as("the reasons fit the screen").isEqualTo(true);
            browser.screenshot("not-made");

            choose(page, "size", "L");
            PlaywrightAssertions.assertThat(button).isEnabled();
            PlaywrightAssertions.assertThat(button).hasText("Add to cart");
            assertThat(page.evaluate("window.samePage")).isEqualTo("yes");
            // A reload (or the address shared) shows the same choice, now from the server.
            page.reload();
            assertThat(option(page, "size", "L").isChecked()).isTrue();
            assertThat(option(page, "colour", "White").isChecked()).isTrue();
            assertThat(text(page, "#sku")).isEqualTo("SKU " + product.largeWhite());

            button.click();
            assertThat(page.url()).endsWith("/cart");
            Locator lines = page.locator("table.cart tbody tr");
            assertThat(lines.count()).isEqualTo(1);
            assertThat(lines.first().innerText()).contains(product.name(), "L / White", "SKU " + product.largeWhite());
            browser.screenshot("cart");
        } finally {
            product.archive(db);
        }
    }

    /** Gives the product a picture of one colour (a demo catalog picture of it); returns its content hash. */
    private String picture(SizeColourProduct product, String colour, int position) {
        String hash = db.string("SELECT content_hash FROM catalog.product_image WHERE colour = ? ORDER BY id LIMIT 1", colour);
        db.update("INSERT INTO catalog.product_image (product_id, storage_key, alt_text, position, colour, width, height,"
                + " content_type, content_hash, thumbnails_ready) SELECT p.id, i.storage_key, p.name || ' in ' || lower(?),"
                + " ?, i.colour, i.width, i.height, i.content_type, i.content_hash, i.thumbnails_ready"
                + " FROM catalog.product p, catalog.product_image i WHERE p.slug = ? AND i.content_hash = ? LIMIT 1",
                colour, position, product.slug(), hash);
        return hash;
    }

    /** A pattern for text in a value (Playwright hands it to JavaScript, which knows no \\Q…\\E quoting). */
    private static Pattern containing(String hexDigits) {
        return Pattern.compile(hexDigits);
    }

    private static String text(Page page, String selector) {
        return page.locator(selector).innerText().strip();
    }

    private static Locator firstPicture(Page page) {
        return page.locator(".gallery img").first();
    }
}
