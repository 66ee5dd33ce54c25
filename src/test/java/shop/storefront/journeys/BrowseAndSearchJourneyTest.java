package shop.storefront.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * A shopper in a real browser with JavaScript off: home → category → filter → product → variant → search, each a
 * plain page load (ListingFiltersJourneyTest covers the listing with its script).
 */
@QuarkusTest
class BrowseAndSearchJourneyTest {

    @TestHTTPResource("/")
    URL home;

    @Test
    void browseFilterOpenProductAndSearch() {
        try (BrowserSession browser = BrowserSession.start("browse", 1280, 900, false)) {
            Page page = browser.page;
            page.navigate(home.toString());
            assertThat(page.locator("h1").innerText()).isEqualTo("Quality gear for every day");
            assertThat(page.locator(".grid .card").count()).isPositive();
            browser.screenshot("home");

            page.locator("nav.categories").getByText("Clothing").click();
            assertThat(page.locator("h1").innerText()).isEqualTo("Clothing");
            long before = count(page);
            browser.screenshot("category");

            Locator firstBrand = page.locator("input[name=brand]").first();
            String brand = firstBrand.getAttribute("value");
            firstBrand.check();
            page.locator("input[name=in_stock]").check();
            page.locator("select[name=sort]").selectOption("price-asc");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Apply")).click();
            assertThat(page.url()).contains("brand=").contains("in_stock=true").contains("sort=price-asc");
            assertThat(count(page)).isPositive().isLessThan(before);
            assertThat(page.locator(".card .card-brand").allInnerTexts()).containsOnly(brand);
            assertThat(page.locator("input[name=brand][value='" + brand.replace("'", "\\'") + "']").isChecked()).isTrue();
            browser.screenshot("filtered");

            String productName = page.locator(".card .card-name").first().innerText();
            page.locator(".card a").first().click();
            assertThat(page.locator("h1").innerText()).isEqualTo(productName);
            assertThat(page.locator("nav.breadcrumb").innerText()).contains("Home", "Clothing");
            browser.screenshot("product");

            // The options are part of the add-to-cart form; what is chosen there is what the cart gets.
            Locator sizes = page.locator("form.add-to-cart input[name=size]");
            if (sizes.count() > 1) {
                Locator last = sizes.last();
                String size = last.getAttribute("value");
                page.locator("label[for='" + last.getAttribute("id") + "']").click();
                assertThat(last.isChecked()).isTrue();
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Add to cart")).click();
                // Bought (the cart lists it) or sold out (the product page says so): never another size.
                if (page.url().endsWith("/cart")) {
                    assertThat(page.locator(".cart-item .muted").first().innerText()).startsWith(size + " / ");
                } else {
                    assertThat(page.locator("[role=alert]").innerText()).contains("in " + size + " / ", "is out of stock");
                }
                browser.screenshot("variant");
            }

            page.locator("#site-search").fill("tent");
            page.locator("#site-search").press("Enter");
            assertThat(page.locator("h1").innerText()).isEqualTo("Results for “tent”");
            assertThat(page.locator(".card .card-name").first().innerText().toLowerCase()).contains("tent");
            browser.screenshot("search");

            page.locator("#site-search").fill("jakcet");
            page.locator("#site-search").press("Enter");
            assertThat(page.locator(".card .card-name").first().innerText().toLowerCase()).contains("jacket");
            browser.screenshot("typo-search");
            page.locator(".suggestion a").click();
            assertThat(page.locator("h1").innerText()).isEqualTo("Results for “jacket”");
            browser.screenshot("suggestion");
        }
    }

    private static long count(Page page) {
        return Long.parseLong(page.locator(".result-count").innerText().replaceAll("\\D", ""));
    }
}
