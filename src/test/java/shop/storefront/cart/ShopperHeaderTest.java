package shop.storefront.cart;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.storefront.backoffice.Staff;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.Inventory;
import shop.storefront.checkout.Checkouts;
import shop.storefront.web.Eventually;
import shop.storefront.web.Shopper;

/**
 * Catalog pages are the same for every shopper; what is personal in their header comes from /api/v1/shopper, and
 * adding to the cart from them works with and without the script, but never from another site.
 */
@QuarkusTest
class ShopperHeaderTest {

    private static final String ORIGIN = "http://localhost:8081";

    @Inject
    CatalogOracle db;
    @Inject
    Inventory inventory;

    @Test
    void everyShopperGetsTheSameCatalogPages() {
        String sku = Checkouts.sku(db, inventory, 10);
        Shopper withCart = Staff.signedInCustomer();
        Checkouts.addToCart(withCart, sku, 2);
        Shopper admin = Staff.signedInAdmin(db).browser();
        for (String path : List.of("/", "/category/clothing", "/product/" + slugOf(sku), "/search?q=jacket")) {
            String anonymous = page(new Shopper(), path);
            // Retried only because thumbnails made in the background may change a page between two requests.
            Eventually.within(Duration.ofSeconds(60), "the same " + path + " for everyone",
                    () -> page(withCart, path).equals(page(new Shopper(), path)) && page(admin, path).equals(page(new Shopper(), path)));
            assertThat(anonymous).as(path).contains("<a href=\"/account\" class=\"shopper-account\">Account</a>",
                    "<span class=\"mini-cart-count\"></span>", "/js/shopper.js").doesNotContain("Sign in</a>");
        }
    }

    @Test
    void theHeaderScriptLearnsCountNameAndToken() {
        JsonPath anonymous = new Shopper().state();
        assertThat(anonymous.getBoolean("signedIn")).isFalse();
        assertThat(anonymous.getBoolean("admin")).isFalse();
        assertThat(anonymous.getInt("cartCount")).isZero();
        assertThat(anonymous.getString("cartLabel")).isEqualTo("Cart, empty");
        assertThat(anonymous.getString("csrfToken")).isNotBlank();

        Shopper customer = Staff.signedInCustomer();
        Checkouts.addToCart(customer, Checkouts.sku(db, inventory, 10), 3);
        JsonPath withCart = customer.state();
        assertThat(withCart.getBoolean("signedIn")).isTrue();
        assertThat(withCart.getBoolean("admin")).isFalse();
        assertThat(withCart.getInt("cartCount")).isEqualTo(3);
        assertThat(withCart.getString("cartLabel")).isEqualTo("Cart, 3 items");

        assertThat(Staff.signedInAdmin(db).browser().state().getBoolean("admin")).isTrue();

        Response answer = new Shopper().request().accept("application/json").get("/api/v1/shopper");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void theAccountLinkOfACatalogPageTakesASignedOutVisitorToSignIn() {
        Response account = new Shopper().get("/account");
        assertThat(account.statusCode()).isBetween(300, 399);
        assertThat(account.header("Location")).contains("/account/sign-in");
    }

    @Test
    void withTheScriptTheTokenItFetchedAddsToTheCart() {
        String sku = Checkouts.sku(db, inventory, 10);
        Shopper shopper = new Shopper();
        String token = shopper.csrfToken("/product/" + slugOf(sku));
        Response added = shopper.keep(shopper.request().contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token).formParam("sku", sku).formParam("quantity", "1").post("/cart/add"));
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(shopper.state().getInt("cartCount")).isEqualTo(1);
    }

    @Test
    void withoutTheScriptAddingFromThisSiteWorks() {
        String sku = Checkouts.sku(db, inventory, 10);
        Shopper shopper = new Shopper();
        assertThat(shopper.get("/product/" + slugOf(sku)).asString()).contains("name=\"csrf-token\" value=\"\"");

        assertThat(addWithoutToken(shopper, sku, "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(303);
        assertThat(addWithoutToken(shopper, sku, "Origin", ORIGIN).statusCode()).isEqualTo(303);
        assertThat(shopper.state().getInt("cartCount")).isEqualTo(2);
    }

    @Test
    void withoutATokenAddingFromAnywhereElseIsRefused() {
        String sku = Checkouts.sku(db, inventory, 10);
        Shopper shopper = new Shopper();
        shopper.get("/product/" + slugOf(sku));
        assertThat(addWithoutToken(shopper, sku).statusCode()).as("neither header").isEqualTo(403);
        assertThat(addWithoutToken(shopper, sku, "Origin", "https://evil.example").statusCode()).isEqualTo(403);
        assertThat(addWithoutToken(shopper, sku, "Origin", "null").statusCode()).isEqualTo(403);
        assertThat(addWithoutToken(shopper, sku, "Origin", ORIGIN + ".evil.example").statusCode()).isEqualTo(403);
        assertThat(addWithoutToken(shopper, sku, "Sec-Fetch-Site", "same-site").statusCode()).isEqualTo(403);
        assertThat(addWithoutToken(shopper, sku, "Sec-Fetch-Site", "cross-site", "Origin", ORIGIN).statusCode()).isEqualTo(403);
        assertThat(addWithoutToken(shopper, sku, "Sec-Fetch-Site", "none").statusCode()).isEqualTo(403);
        Response wrongToken = shopper.keep(shopper.request().contentType("application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "same-origin").formParam("csrf-token", "forged").formParam("sku", sku)
                .post("/cart/add"));
        assertThat(wrongToken.statusCode()).as("a token that is sent must be right").isEqualTo(403);
        Response otherForm = shopper.keep(shopper.request().contentType("application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "same-origin").formParam("sku", sku).formParam("quantity", "0").post("/cart/update"));
        assertThat(otherForm.statusCode()).as("only adding goes without a token").isEqualTo(403);
        assertThat(shopper.state().getInt("cartCount")).isZero();
    }

    private static Response addWithoutToken(Shopper shopper, String sku, String... headers) {
        var request = shopper.request().contentType("application/x-www-form-urlencoded").formParam("sku", sku)
                .formParam("quantity", "1");
        for (int i = 0; i < headers.length; i += 2) {
            request = request.header(headers[i], headers[i + 1]);
        }
        return shopper.keep(request.post("/cart/add"));
    }

    private static String page(Shopper shopper, String path) {
        Response answer = shopper.keep(shopper.request().accept("text/html").get(path));
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        assertThat(answer.getHeaders().getValues("Set-Cookie")).as(path + " sets no cookie").isEmpty();
        return answer.asString();
    }

    private String slugOf(String sku) {
        return db.string("SELECT p.slug FROM catalog.product p JOIN catalog.variant v ON v.product_id = p.id WHERE v.sku = ?", sku);
    }
}
