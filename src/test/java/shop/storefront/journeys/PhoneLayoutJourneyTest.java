package shop.storefront.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shop.storefront.account.Accounts;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.SizeColourProduct;
import shop.storefront.web.Eventually;
import shop.storefront.web.SmtpServer;

/**
 * On a 390×844 phone, with JavaScript on and off, every page a shopper meets is no wider than the screen (nothing
 * hidden off to the side), the header leaves the screen to the page, and a product's name, price and Add to cart are
 * on the first screen; tables of lines, however laid out, are still tables to a screen reader. The same holds on a
 * desktop. Real data throughout: a product in sizes and colours with pictures, a guest's order and a customer's,
 * e-mail addresses too long for one line.
 */
@QuarkusTest
class PhoneLayoutJourneyTest {

    /** A phone's header may take about an eighth of its screen. */
    private static final double HEADER_MAX_HEIGHT = 110;
    private static final Pattern RESET_TOKEN = Pattern.compile("/account/reset\\?token=([A-Za-z0-9_-]{43})");

    @TestHTTPResource("/")
    URL home;
    @Inject
    CatalogOracle db;
    @Inject
    RedisDataSource redis;

    @ParameterizedTest(name = "{0} {1}×{2}, JavaScript {3}")
    @CsvSource({"phone, 390, 844, off", "phone, 390, 844, on", "desktop, 1366, 900, on"})
    void everyShopperPageFitsTheScreen(String device, int width, int height, String javaScript) {
        Accounts.resetRateLimits(redis);
        SizeColourProduct product = SizeColourProduct.create(db);
        giveItPictures(product);
        try (BrowserSession browser = BrowserSession.start("layout-" + device + "-js-" + javaScript, width, height,
                "on".equals(javaScript))) {
            Screen screen = new Screen(browser, width, height);
            browseAndAddToCart(screen, product);

            String guest = longEmail("guest");
            String guestOrder = checkOut(screen, guest, "guest");
            screen.go("orders/lookup", "order lookup");
            screen.page.locator("#number").fill(guestOrder);
            screen.page.locator("#email").fill(guest);
            screen.click(AriaRole.BUTTON, "Find order");
            assertThat(screen.page.locator("#order-number").innerText()).isEqualTo(guestOrder);
            screen.check("guest's order");

            String customer = longEmail("customer");
            signUpWithAnAddress(screen, customer);
            screen.go(product.path().substring(1), "product again");
            screen.click(AriaRole.BUTTON, "Add to cart");
            String customerOrder = checkOut(screen, null, "customer");
            screen.go("orders", "order history");
            screen.click(AriaRole.LINK, customerOrder);
            screen.check("customer's order");

            signOutAndResetThePassword(screen, customer);
            screen.go("product/no-such-product-" + System.nanoTime(), "product not found");
            screen.go("no-such-page", "page not found");
            screen.softly.assertAll();
        } finally {
            product.archive(db);
        }
    }

    private void browseAndAddToCart(Screen screen, SizeColourProduct product) {
        screen.go("", "home");
        screen.go("category/" + db.string("SELECT c.slug FROM catalog.category c JOIN catalog.product p ON p.category_id = c.id"
                + " WHERE p.slug = ?", product.slug()), "category");
        screen.go("search?q=" + URLEncoder.encode(product.name(), StandardCharsets.UTF_8), "search");
        screen.go(product.path().substring(1), "product");
        screen.onFirstScreen("product name", screen.page.locator("h1"));
        screen.onFirstScreen("price", screen.page.locator(".buy-box .price"));
        screen.onFirstScreen("Add to cart", addToCart(screen.page));
        addToCart(screen.page).click();
        assertThat(screen.page.url()).endsWith("/cart");
        assertThat(screen.page.locator(".mini-cart").getAttribute("aria-label")).isEqualTo("Cart, 1 item");
        screen.check("cart");
    }

    /** Through every checkout step (as a guest when given an e-mail address) to the confirmation; the order number. */
    private static String checkOut(Screen screen, String guestEmail, String who) {
        screen.click(AriaRole.LINK, "Checkout");
        screen.check(who + " checkout: address");
        if (guestEmail != null) {
            screen.page.locator("#email").fill(guestEmail);
            fillAddress(screen.page);
        }
        screen.click(AriaRole.BUTTON, "Continue to delivery");
        screen.page.getByText("Standard delivery").click();
        screen.check(who + " checkout: delivery");
        screen.click(AriaRole.BUTTON, "Continue to payment");
        screen.page.getByText("Bank transfer").click();
        screen.check(who + " checkout: payment");
        screen.click(AriaRole.BUTTON, "Review your order");
        screen.check(who + " checkout: review");
        screen.page.locator("button.primary").click();
        assertThat(screen.page.locator("h1").innerText()).isEqualTo("Thank you! Your order is placed.");
        screen.check(who + " order confirmation");
        return screen.page.locator("#order-number").innerText();
    }

    private static void fillAddress(Page page) {
        page.locator("#fullName").fill("Maximiliane Alexandrina Oberhauser-Vandenbroucke");
        page.locator("#line1").fill("Keizersgracht 123");
        page.locator("#city").fill("Amsterdam");
        page.locator("#postalCode").fill("1015 CJ");
        page.locator("#country").selectOption("NL");
    }

    /** A new account with a default delivery address, which its checkout then starts from. */
    private static void signUpWithAnAddress(Screen screen, String email) {
        screen.go("account/sign-up", "sign up");
        screen.page.locator("#name").fill("Phone Shopper");
        screen.page.locator("#email").fill(email);
        screen.page.locator("#password").fill(Accounts.PASSWORD);
        screen.click(AriaRole.BUTTON, "Create account");
        assertThat(screen.page.locator("h1").innerText()).isEqualTo("Your account");
        screen.check("account");
        screen.go("account/addresses/new", "new address");
        fillAddress(screen.page);
        screen.page.getByLabel("Default shipping address").check();
        screen.click(AriaRole.BUTTON, "Save address");
        assertThat(screen.page.locator(".addresses li").count()).isEqualTo(1);
        screen.check("account with an address");
    }

    private void signOutAndResetThePassword(Screen screen, String email) {
        screen.go("account", "account before signing out");
        screen.click(AriaRole.BUTTON, "Sign out");
        screen.go("account/sign-in", "sign in");
        screen.go("account/forgot", "forgot password");
        screen.page.locator("#email").fill(email);
        screen.click(AriaRole.BUTTON, "Send reset link");
        screen.check("reset link sent");
        Eventually.within(Eventually.BACKGROUND_WORK, "reset e-mail", () -> resetToken(email) != null);
        Accounts.awaitStoredResets(db, email, 1);
        screen.go("account/reset?token=" + resetToken(email), "new password");
        assertThat(screen.page.locator("#password").isVisible()).isTrue();
    }

    /** The token of the reset link sent to this address (its order confirmation came too), null before it is sent. */
    private static String resetToken(String email) {
        return SmtpServer.messagesTo(email).stream().map(SmtpServer::body).map(RESET_TOKEN::matcher).filter(Matcher::find)
                .map(link -> link.group(1)).findFirst().orElse(null);
    }

    /** The pictures of the first product that has some: the first screen must make room for a real picture. */
    private void giveItPictures(SizeColourProduct product) {
        int copied = db.update("INSERT INTO catalog.product_image (product_id, storage_key, alt_text, position, width, height,"
                + " content_type, content_hash, thumbnails_ready)"
                + " SELECT (SELECT id FROM catalog.product WHERE slug = ?), storage_key, ?, position, width, height, content_type,"
                + " content_hash, thumbnails_ready FROM catalog.product_image"
                + " WHERE product_id = (SELECT min(product_id) FROM catalog.product_image)", product.slug(), product.name());
        assertThat(copied).as("pictures copied").isPositive();
    }

    /** One word too long for a phone's line: it fits only if it may break anywhere. */
    private static String longEmail(String who) {
        return "phonelayout" + who + "withaverylongaddress" + System.nanoTime() + "@example.com";
    }

    private static Locator addToCart(Page page) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to cart"));
    }

    /** The browser's screen: every page it shows is measured, and every miss is reported at the end, by page name. */
    private final class Screen {

        final Page page;
        final SoftAssertions softly = new SoftAssertions();
        private final BrowserSession browser;
        private final int width;
        private final int height;

        Screen(BrowserSession browser, int width, int height) {
            this.browser = browser;
            this.page = browser.page;
            this.width = width;
            this.height = height;
        }

        void go(String path, String name) {
            page.navigate(home + path);
            check(name);
        }

        void click(AriaRole role, String name) {
            page.getByRole(role, new Page.GetByRoleOptions().setName(name)).click();
        }

        /** Screenshots the page, then measures its width and its header, and asks how its tables reach screen readers. */
        void check(String name) {
            browser.screenshot(name.replaceAll("[^A-Za-z0-9]+", "-"));
            int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
            int innerWidth = ((Number) page.evaluate("window.innerWidth")).intValue();
            softly.assertThat(scrollWidth).as("%s: width of the page on a %d px screen", name, innerWidth).isLessThanOrEqualTo(innerWidth);
            softly.assertThat(page.locator("header.site-header").boundingBox().height).as("%s: height of the header", name)
                    .isLessThanOrEqualTo(HEADER_MAX_HEIGHT);
            if (page.locator("main table").count() > 0) {
                softly.assertThat(accessibleRoles()).as("%s: a table for screen readers, however it is laid out", name)
                        .contains("table", "columnheader", "row", "cell").doesNotContain("LayoutTable");
            }
        }

        /** The roles in Chromium's own accessibility tree: what a screen reader is told. */
        private List<String> accessibleRoles() {
            CDPSession cdp = page.context().newCDPSession(page);
            try {
                List<String> roles = new ArrayList<>();
                for (JsonElement node : cdp.send("Accessibility.getFullAXTree").getAsJsonArray("nodes")) {
                    JsonObject role = node.getAsJsonObject().getAsJsonObject("role");
                    if (role != null) {
                        roles.add(role.get("value").getAsString());
                    }
                }
                return roles;
            } finally {
                cdp.detach();
            }
        }

        void onFirstScreen(String what, Locator element) {
            BoundingBox box = element.boundingBox();
            softly.assertThat(box.y + box.height).as("%s: bottom edge on a %d px high screen", what, height).isLessThanOrEqualTo(height);
            softly.assertThat(box.x + box.width).as("%s: right edge on a %d px wide screen", what, width).isLessThanOrEqualTo(width);
        }
    }
}
