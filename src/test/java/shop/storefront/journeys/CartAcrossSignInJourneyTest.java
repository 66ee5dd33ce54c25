package shop.storefront.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import shop.storefront.account.Accounts;
import shop.storefront.catalog.CatalogOracle;

/** A guest fills a cart, signs up, signs out and back in: the cart follows the shopper throughout. */
@QuarkusTest
class CartAcrossSignInJourneyTest {

    @TestHTTPResource("/")
    URL home;
    @Inject
    CatalogOracle db;
    @Inject
    RedisDataSource redis;

    @Test
    void cartSurvivesSignUpSignOutAndSignIn() {
        Accounts.resetRateLimits(redis);
        List<List<Object>> products = db.rows("SELECT p.slug, p.name FROM catalog.product p WHERE p.status = 'active'"
                + " AND EXISTS (SELECT 1 FROM catalog.variant v WHERE v.product_id = p.id AND v.stock_on_hand >= 3)"
                + " ORDER BY p.id LIMIT 2");
        String email = Accounts.newEmail();
        try (BrowserSession browser = BrowserSession.start("cart-sign-in")) {
            Page page = browser.page;
            for (List<Object> product : products) {
                page.navigate(home + "product/" + product.get(0));
                // The page is the same for everyone: the header's script fills in this browser's token.
                PlaywrightAssertions.assertThat(page.locator("form.add-to-cart input[name=csrf-token]")).hasValue(Pattern.compile(".+"));
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to cart")).click();
                assertThat(page.url()).endsWith("/cart");
            }
            assertThat(cartItems(page)).containsExactlyInAnyOrder((String) products.get(0).get(1), (String) products.get(1).get(1));
            assertThat(page.locator(".mini-cart-count").innerText()).isEqualTo("2");
            browser.screenshot("guest-cart");
            page.navigate(home + "product/" + products.get(0).get(0));
            PlaywrightAssertions.assertThat(page.locator(".mini-cart-count")).hasText("2");
            PlaywrightAssertions.assertThat(page.locator(".mini-cart")).hasAttribute("aria-label", "Cart, 2 items");
            PlaywrightAssertions.assertThat(page.locator(".shopper-account")).hasText("Sign in");

            page.getByText("Sign in").first().click();
            page.getByText("Create an account").click();
            page.locator("#name").fill("Journey Shopper");
            page.locator("#email").fill(email);
            page.locator("#password").fill(Accounts.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
            assertThat(page.locator("h1").innerText()).isEqualTo("Your account");
            browser.screenshot("signed-up");

            page.locator(".mini-cart").click();
            assertThat(cartItems(page)).hasSize(2);
            browser.screenshot("customer-cart");

            page.navigate(home + "account");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
            page.navigate(home + "cart");
            assertThat(page.locator("main").innerText()).contains("Your cart is empty");
            assertThat(page.locator(".mini-cart-count").innerText()).isEqualTo("0");
            browser.screenshot("signed-out");

            page.navigate(home + "account/sign-in");
            page.locator("#email").fill(email);
            page.locator("#password").fill(Accounts.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.locator(".mini-cart").click();
            assertThat(cartItems(page)).containsExactlyInAnyOrder((String) products.get(0).get(1), (String) products.get(1).get(1));
            browser.screenshot("signed-in-cart");
        }
    }

    private static List<String> cartItems(Page page) {
        return page.locator("table.cart .cart-item a").allInnerTexts();
    }
}
