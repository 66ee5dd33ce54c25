package shop.storefront.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.Inventory;
import shop.storefront.web.Eventually;
import shop.storefront.web.SmtpServer;

/** A guest browses, buys one item through every checkout step and gets the confirmation page and e-mail. */
@QuarkusTest
class GuestCheckoutJourneyTest {

    /** The test profile's bank-transfer window is the default 7 days. */
    private static final DateTimeFormatter PAY_BY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @TestHTTPResource("/")
    URL home;
    @Inject
    CatalogOracle db;
    @Inject
    Inventory inventory;

    @Test
    void browseAddCheckOutAsGuestAndReceiveTheConfirmation() {
        String slug = db.string("SELECT p.slug FROM catalog.product p WHERE p.status = 'active'"
                + " AND (SELECT count(*) FROM catalog.variant v WHERE v.product_id = p.id) = 1 ORDER BY p.id DESC LIMIT 1");
        String sku = db.string("SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id WHERE p.slug = ?", slug);
        inventory.setStock(sku, 5);
        String email = "journey-" + System.nanoTime() + "@example.com";
        try (BrowserSession browser = BrowserSession.start("guest-checkout")) {
            Page page = browser.page;
            page.navigate(home.toString());
            browser.screenshot("home");
            page.navigate(home + "product/" + slug);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to cart")).click();
            assertThat(page.url()).endsWith("/cart");
            browser.screenshot("cart");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Checkout")).click();
            page.locator("#email").fill(email);
            page.locator("#fullName").fill("Jane Journey");
            page.locator("#line1").fill("Keizersgracht 123");
            page.locator("#city").fill("Amsterdam");
            page.locator("#postalCode").fill("1015 CJ");
            page.locator("#country").selectOption("NL");
            browser.screenshot("address");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to delivery")).click();

            page.getByText("Standard delivery").click();
            browser.screenshot("delivery");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to payment")).click();
            page.getByText("Bank transfer").click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review your order")).click();

            String total = page.locator("#order-total").innerText();
            assertThat(page.locator("main").innerText()).contains("Keizersgracht 123", "Includes", "VAT (21 %)");
            browser.screenshot("review");
            page.locator("button.primary").click();

            assertThat(page.locator("h1").innerText()).isEqualTo("Thank you! Your order is placed.");
            String number = page.locator("#order-number").innerText();
            assertThat(number).matches("SF-[0-9A-Z]{4}-[0-9A-Z]{4}");
            // Where to pay: the account configured for the test profile, by seven days after the order (not after now,
            // which may be past midnight on a slow run).
            Instant placedAt = Instant.ofEpochSecond(db.longValue("SELECT floor(extract(epoch FROM placed_at))::bigint"
                    + " FROM orders.customer_order WHERE number = ?", number));
            assertThat(page.locator("main").innerText()).contains(total, "Please transfer", "Storefront Demo GmbH",
                    "IBAN DE89 3704 0044 0532 0130 00", "quoting " + number, "by " + PAY_BY.format(placedAt.plus(Duration.ofDays(7))));
            assertThat(page.locator(".mini-cart-count").innerText()).isEqualTo("0");
            browser.screenshot("confirmation");

            Eventually.within(Eventually.BACKGROUND_WORK, "confirmation e-mail", () -> SmtpServer.messagesTo(email).size() == 1);
            assertThat(SmtpServer.subjects(email)).containsExactly("Your Storefront order " + number);
            assertThat(SmtpServer.body(SmtpServer.messagesTo(email).getFirst())).contains(number, total, "Keizersgracht 123",
                    "IBAN DE89 3704 0044 0532 0130 00");
        }
    }
}
