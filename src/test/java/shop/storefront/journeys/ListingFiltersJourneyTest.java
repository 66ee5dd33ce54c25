package shop.storefront.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shop.storefront.catalog.CatalogOracle;

/**
 * Listing filters on a desktop and a phone. Without JavaScript: Apply at the top of the filters, the result filtered,
 * a chip that takes the filter off again. With it: a ticked box or a new sort applies at once, in place, the URL and
 * Back in step. On a phone the products come first and the filters open from a button; no page is wider than 390 px.
 */
@QuarkusTest
class ListingFiltersJourneyTest {

    private static final String CATEGORY = "jackets";

    static {
        // As BrowserSession's own ceiling: the listing's request may wait long for a busy machine.
        PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
    }

    @TestHTTPResource("/")
    URL home;
    @Inject
    CatalogOracle db;

    @ParameterizedTest(name = "{0} {1}×{2}")
    @CsvSource({"desktop, 1366, 900", "phone, 390, 844"})
    void withoutJavaScriptApplyFiltersAndAChipTakesTheFilterOff(String device, int width, int height) {
        try (BrowserSession browser = BrowserSession.start("filters-" + device + "-nojs", width, height, false)) {
            Page page = browser.page;
            page.navigate(home + "category/" + CATEGORY);
            long all = resultCount(page);
            assertProductsFirstOnPhones(page, device);
            assertFitsTheScreen(page);
            browser.screenshot("category");

            openFilters(page, device);
            Locator apply = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply"));
            assertThat(apply.isVisible()).isTrue();
            assertThat(apply.boundingBox().y).as("Apply above the first facet")
                    .isLessThan(page.locator(".filters fieldset").first().boundingBox().y);
            Locator colour = page.locator(".filters input[name='opt.colour']").first();
            String value = colour.getAttribute("value");
            long expected = facetCount(colour);
            label(colour).click();
            assertFitsTheScreen(page);
            browser.screenshot("ticked");

            apply.click();
            assertThat(page.url()).contains("opt.colour=" + value);
            assertThat(resultCount(page)).isEqualTo(expected).isLessThan(all);
            Locator chip = chip(page, "Colour " + value);
            assertThat(chip.isVisible()).isTrue();
            assertThat(page.locator(".filter-panel > summary").textContent()).isEqualTo("Filters (1 active)");
            assertThat(page.locator(".filters input[name='opt.colour'][value='" + value + "']").isChecked()).isTrue();
            assertFitsTheScreen(page);
            browser.screenshot("filtered");

            chip.click();
            assertThat(page.url()).doesNotContain("opt.colour");
            assertThat(resultCount(page)).isEqualTo(all);
            assertThat(page.locator(".chips").count()).isZero();
            assertFitsTheScreen(page);
            browser.screenshot("chip-removed");
        }
    }

    @ParameterizedTest(name = "{0} {1}×{2}")
    @CsvSource({"desktop, 1366, 900", "phone, 390, 844"})
    void withJavaScriptChangesApplyAtOnceAndBackRestoresThem(String device, int width, int height) {
        try (BrowserSession browser = BrowserSession.start("filters-" + device + "-js", width, height, true)) {
            Page page = browser.page;
            page.navigate(home + "category/" + CATEGORY);
            expect(page.locator(".listing.listing-live")).isAttached();
            long all = resultCount(page);
            // Stays set only while the page is not reloaded: proof that filters apply in place.
            page.evaluate("window.sameDocument = true");
            assertProductsFirstOnPhones(page, device);
            assertFitsTheScreen(page);
            browser.screenshot("category");

            openFilters(page, device);
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).isVisible())
                    .as("nothing to apply by hand").isFalse();
            Locator brand = page.locator(".filters input[name=brand]").first();
            String value = brand.getAttribute("value");
            long expected = facetCount(brand);
            label(brand).click();
            page.waitForURL(Pattern.compile(".*[?&]brand=.*"));
            expect(page.locator(".result-count")).hasText(expected + " product" + (expected == 1 ? "" : "s"));
            expect(chip(page, "Brand " + value)).isVisible();
            assertThat(focusedValue(page)).as("focus stays on the box just ticked").isEqualTo(value);
            assertThat(page.locator(".card .card-brand").allInnerTexts()).containsOnly(value);
            assertThat((Boolean) page.evaluate("window.sameDocument === true")).isTrue();
            assertFitsTheScreen(page);
            browser.screenshot("brand-applied");

            if (device.equals("phone")) {
                // The results under the open panel are already filtered: one tap closes it and goes to them.
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Show " + expected + " product")).click();
                expect(page.locator(".filters fieldset").first()).isHidden();
                assertThat((String) page.evaluate("document.activeElement.className")).isEqualTo("result-count");
                browser.screenshot("panel-closed");
                openFilters(page, device);
            }
            page.locator("select[name=sort]").selectOption("price-asc");
            page.waitForURL(Pattern.compile(".*sort=price-asc.*"));
            expect(page.locator(".card .card-name").first()).hasText(cheapest(value));
            expect(page.locator(".result-count")).hasText(expected + " product" + (expected == 1 ? "" : "s"));
            assertThat((String) page.evaluate("document.activeElement.name")).isEqualTo("sort");
            assertFitsTheScreen(page);
            browser.screenshot("sorted");

            chip(page, "Brand " + value).click();
            page.waitForURL(url -> !url.contains("brand="));
            expect(page.locator(".result-count")).hasText(all + " products");
            expect(page.locator(".chips")).hasCount(0);
            assertThat(page.url()).contains("sort=price-asc");
            assertThat((Boolean) page.evaluate("window.sameDocument === true")).isTrue();
            assertFitsTheScreen(page);
            browser.screenshot("chip-removed");

            page.goBack();
            page.waitForURL(Pattern.compile(".*[?&]brand=.*"));
            expect(page.locator(".result-count")).hasText(expected + " product" + (expected == 1 ? "" : "s"));
            expect(chip(page, "Brand " + value)).isVisible();
            expect(page.locator(".filters input[name=brand][value='" + value.replace("'", "\\'") + "']")).isChecked();
            assertThat((Boolean) page.evaluate("window.sameDocument === true")).isTrue();
            assertFitsTheScreen(page);
            browser.screenshot("back");
        }
    }

    /** Waits, as the listing changes after its request: Playwright retries until the element matches. */
    private static LocatorAssertions expect(Locator locator) {
        return PlaywrightAssertions.assertThat(locator);
    }

    private String cheapest(String brand) {
        return db.string("SELECT p.name FROM catalog.product p JOIN catalog.category c ON c.id = p.category_id"
                + " WHERE c.slug = ? AND p.status = 'active' AND p.brand = ?"
                + " ORDER BY p.min_price_amount ASC NULLS LAST, p.id LIMIT 1", CATEGORY, brand);
    }

    /** On a phone the filters are a closed "Filters" button, and the first product is on the first screen. */
    private static void assertProductsFirstOnPhones(Page page, String device) {
        Locator summary = page.locator(".filter-panel > summary");
        if (device.equals("phone")) {
            assertThat(summary.isVisible()).isTrue();
            assertThat(page.locator(".filters fieldset").first().isVisible()).isFalse();
            assertThat(page.locator(".card").first().boundingBox().y).isLessThan(page.viewportSize().height);
        } else {
            assertThat(summary.isVisible()).as("no button needed beside the products").isFalse();
            assertThat(page.locator(".filters fieldset").first().isVisible()).isTrue();
            // Shown by CSS inside a closed details: keyboards must still reach it.
            page.locator(".filters input").first().focus();
            assertThat((Boolean) page.evaluate("document.activeElement === document.querySelector('.filters input')")).isTrue();
        }
    }

    private static void openFilters(Page page, String device) {
        if (device.equals("phone")) {
            page.locator(".filter-panel > summary").click();
        }
        assertThat(page.locator(".filters fieldset").first().isVisible()).isTrue();
    }

    private static void assertFitsTheScreen(Page page) {
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("page no wider than the screen").isTrue();
    }

    private static Locator chip(Page page, String filter) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Remove filter: " + filter).setExact(true));
    }

    private static Locator label(Locator box) {
        return box.locator("xpath=ancestor::label");
    }

    /** The number in brackets beside a facet's box: how many products ticking it would leave. */
    private static long facetCount(Locator box) {
        return Long.parseLong(label(box).locator(".count").innerText().replaceAll("\\D", ""));
    }

    private static long resultCount(Page page) {
        return Long.parseLong(page.locator(".result-count").innerText().replaceAll("\\D", ""));
    }

    private static String focusedValue(Page page) {
        return (String) page.evaluate("document.activeElement.value");
    }
}
