package shop.storefront.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.storefront.account.Accounts;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.web.Eventually;

/**
 * An administrator, made the way ops make one, puts a new product in the shop through the back office (details, a
 * SKU, a delivery of stock, a picture) and waits for its thumbnails; then a shopper in another browser context finds
 * it by search and sees its picture load.
 */
@QuarkusTest
class BackOfficeJourneyTest {

    @TestHTTPResource("/")
    URL home;
    @Inject
    CatalogOracle db;
    @Inject
    RedisDataSource redis;
    @TempDir
    Path temp;

    private final Map<String, Long> stepMillis = new LinkedHashMap<>();
    private long stepStart;

    @Test
    void anAdminAddsAProductWithAPictureAndAShopperFindsIt() throws IOException {
        Accounts.resetRateLimits(redis);
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String name = "Lantern " + word;
        String email = Accounts.newEmail();
        Path picture = drawPicture();
        try (BrowserSession browser = BrowserSession.start("back-office")) {
            Page page = browser.page;
            stepStart = System.nanoTime();

            page.navigate(home + "account/sign-in");
            page.getByText("Create an account").click();
            page.locator("#name").fill("Journey Admin");
            page.locator("#email").fill(email);
            page.locator("#password").fill(Accounts.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
            assertThat(page.locator("h1").innerText()).isEqualTo("Your account");
            db.update("UPDATE account.customer SET role = 'admin' WHERE email = ?", email);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
            page.navigate(home + "account/sign-in");
            page.locator("#email").fill(email);
            page.locator("#password").fill(Accounts.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back office")).click();
            assertThat(page.locator("h1").innerText()).isEqualTo("Dashboard");
            step(browser, "admin-dashboard");

            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Back office"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Products").setExact(true)).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a product")).click();
            page.locator("#name").fill(name);
            page.locator("#description").fill("A storm lantern that " + word + " journeys rely on.");
            page.locator("#brand").fill("Journeyman");
            page.locator("#category").selectOption(new SelectOption().setIndex(1));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create product")).click();
            assertThat(page.locator(".admin-notice").innerText()).contains("Product created");
            step(browser, "product-created");

            page.locator("#new-sku").fill("LANTERN-" + word.toUpperCase());
            page.locator("#new-price").fill("24.90");
            page.locator("#new-weight").fill("450");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add SKU")).click();
            assertThat(page.locator(".admin-notice").innerText()).contains("SKU added");
            Locator stock = page.locator(".stock-panel").first();
            stock.getByLabel("Change in units").fill("12");
            stock.getByLabel("Reason").selectOption(new SelectOption().setLabel("Delivery received"));
            stock.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Adjust stock")).click();
            assertThat(page.locator(".admin-notice").innerText()).contains("Stock adjusted");
            assertThat(page.locator(".stock-panel h3").first().innerText()).endsWith(": 12");
            page.locator("#status").selectOption("active");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save product")).click();
            assertThat(page.locator(".admin-notice").innerText()).contains("Product saved");
            step(browser, "product-active-with-stock");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Images").setExact(true)).click();
            page.locator("#file").setInputFiles(picture);
            page.locator("#alt").fill(name + " lit at dusk");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload picture")).click();
            assertThat(page.locator(".admin-notice").innerText()).contains("Picture uploaded");
            step(browser, "picture-uploaded");

            // Thumbnails are made in the background: the page says so until they exist.
            Eventually.within(Eventually.BACKGROUND_WORK, "the picture's thumbnails ready", () -> {
                page.reload();
                return page.locator(".picture-state-ready").count() == 1;
            });
            step(browser, "thumbnails-ready");

            Page shopper = browser.freshContext();
            shopper.navigate(home.toString());
            shopper.locator("#site-search").fill(word);
            shopper.locator("#site-search").press("Enter");
            shopper.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).first().click();
            assertThat(shopper.locator("h1").innerText()).isEqualTo(name);
            Locator img = shopper.locator(".gallery img").first();
            assertThat(img.getAttribute("alt")).isEqualTo(name + " lit at dusk");
            assertThat(img.getAttribute("srcset")).contains("/media/products/");
            shopper.waitForFunction("img => img.complete && img.naturalWidth > 0", img.elementHandle());
            step(browser, shopper, "shopper-sees-picture");
        } finally {
            System.out.println("BackOfficeJourneyTest step timings (ms): " + stepMillis);
        }
    }

    private void step(BrowserSession browser, String name) {
        step(browser, browser.page, name);
    }

    private void step(BrowserSession browser, Page page, String name) {
        stepMillis.put(name, (System.nanoTime() - stepStart) / 1_000_000);
        browser.screenshot(page, name);
        stepStart = System.nanoTime();
    }

    /** A PNG drawn here (a lantern-coloured gradient), unique to this run. */
    private Path drawPicture() throws IOException {
        BufferedImage image = new BufferedImage(900, 700, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x1b2a49), 900, 700, new Color(0xf4a259)));
        g.fillRect(0, 0, 900, 700);
        g.setColor(new Color(UUID.randomUUID().hashCode() & 0xFFFFFF));
        g.fillOval(350, 200, 200, 300);
        g.dispose();
        Path file = temp.resolve("lantern.png");
        ImageIO.write(image, "png", file.toFile());
        assertThat(Files.size(file)).isPositive();
        return file;
    }
}
