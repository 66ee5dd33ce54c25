package shop.storefront.cart;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.web.Shopper;

/** The cart through plain HTML forms, each protected by a CSRF token. */
@QuarkusTest
class CartPagesTest {

    @Inject
    CatalogOracle db;

    @Test
    void addFromTheProductPageThenChangeAndRemoveOnTheCartPage() {
        Shopper shopper = new Shopper();
        String slug = productWithStock();
        String sku = db.string("SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id"
                + " WHERE p.slug = ? AND v.stock_on_hand >= 5 ORDER BY v.position LIMIT 1", slug);
        String product = "/product/" + slug + "?sku=" + sku;
        assertThat(shopper.get(product).asString()).contains("action=\"/cart/add\"", "Add to cart");

        Response added = shopper.submit(product, "/cart/add", Map.of("sku", sku, "quantity", "2"));
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.header("Location")).endsWith("/cart");
        String cart = shopper.get("/cart").asString();
        assertThat(cart).contains("SKU " + sku, "Subtotal (2 items)");
        // The mini-cart in every page header counts the items: rendered in personal pages, from the script in catalog ones.
        assertThat(shopper.get("/cart").asString()).contains("aria-label=\"Cart, 2 items\">Cart <span class=\"mini-cart-count\">2</span>");
        assertThat(shopper.state().getInt("cartCount")).isEqualTo(2);

        assertThat(shopper.submit("/cart", "/cart/update", Map.of("sku", sku, "quantity", "3")).statusCode()).isEqualTo(303);
        assertThat(shopper.get("/cart").asString()).contains("Subtotal (3 items)");
        assertThat(shopper.submit("/cart", "/cart/remove", Map.of("sku", sku)).statusCode()).isEqualTo(303);
        assertThat(shopper.get("/cart").asString()).contains("Your cart is empty");
    }

    @Test
    void askingForMoreThanTheStockAddsWhatIsLeftAndSaysSoOnce() {
        Shopper shopper = new Shopper();
        String sku = db.string("SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id"
                + " WHERE p.status = 'active' AND v.stock_on_hand BETWEEN 2 AND 20 ORDER BY v.id LIMIT 1");
        int stock = (int) db.longValue("SELECT stock_on_hand FROM catalog.variant WHERE sku = ?", sku);
        String slug = db.string("SELECT p.slug FROM catalog.product p JOIN catalog.variant v ON v.product_id = p.id WHERE v.sku = ?", sku);
        assertThat(shopper.submit("/product/" + slug, "/cart/add", Map.of("sku", sku, "quantity", "1")).statusCode()).isEqualTo(303);

        Response added = shopper.submit("/product/" + slug, "/cart/add", Map.of("sku", sku, "quantity", Integer.toString(stock)));
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.header("Location")).endsWith("/cart");
        String cart = shopper.get("/cart").asString();
        assertThat(cart).contains("Subtotal (" + stock + " items)", "Only " + stock + " of ", " were left (1 already in your cart),"
                + " so we added " + (stock - 1) + " instead of the " + stock + " you asked for.");
        assertThat(shopper.get("/cart").asString()).as("the notice is shown once: reloading repeats nothing")
                .contains("Subtotal (" + stock + " items)").doesNotContain("you asked for");

        Response refused = shopper.submit("/product/" + slug, "/cart/add", Map.of("sku", sku, "quantity", "1"));
        assertThat(refused.statusCode()).as("nothing is left to add").isEqualTo(409);
        assertThat(refused.asString()).contains("<h1>Your cart</h1>", "You can have at most " + stock,
                "(" + stock + " already in your cart)", "SKU " + sku);
    }

    @Test
    void formsWithoutTheRightCsrfTokenAreRefusedAndChangeNothing() {
        Shopper shopper = new Shopper();
        String sku = db.string("SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id"
                + " WHERE p.status = 'active' AND v.stock_on_hand > 3 ORDER BY v.id LIMIT 1");
        shopper.get("/cart");
        Response missing = shopper.keep(shopper.request().contentType("application/x-www-form-urlencoded")
                .formParam("sku", sku).formParam("quantity", "1").post("/cart/add"));
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(missing.asString()).contains("This form has expired or did not come from this site", "/css/site.css\"");

        String token = shopper.csrfToken("/product/" + productWithStock());
        Response forged = shopper.keep(shopper.request().contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token.substring(0, token.length() - 2) + "xx").formParam("sku", sku).post("/cart/add"));
        assertThat(forged.statusCode()).isEqualTo(403);

        Shopper other = new Shopper();
        Response foreignToken = other.keep(other.request().contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token).formParam("sku", sku).post("/cart/add"));
        assertThat(foreignToken.statusCode()).as("a token without its cookie").isEqualTo(403);

        assertThat(shopper.get("/cart").asString()).contains("Your cart is empty");
        assertThat(shopper.cookie("__Host-csrf")).isNotNull();
    }

    @ParameterizedTest(name = "quantity {0}")
    @ValueSource(strings = {"-1", "abc", "1e9", "99999", "0"})
    void aBadQuantityGetsAClearPageAndNoCart(String quantity) {
        Shopper shopper = new Shopper();
        Response response = shopper.submit("/product/" + productWithStock(), "/cart/add", Map.of("sku", "SKU-1-1", "quantity", quantity));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.asString()).contains("Quantity must be a whole number", "<h1>Your cart</h1>", "role=\"alert\"");
        assertThat(shopper.cookie("__Host-cart")).isNull();
    }

    @Test
    void anUnknownSkuGetsAClearPageAndNoCart() {
        Shopper shopper = new Shopper();
        Response unknown = shopper.submit("/product/" + productWithStock(), "/cart/add", Map.of("sku", "NOPE-1", "quantity", "1"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.asString()).contains("We do not sell an item with SKU");
        assertThat(shopper.cookie("__Host-cart")).isNull();
    }

    private String productWithStock() {
        return db.string("SELECT p.slug FROM catalog.product p JOIN catalog.variant v ON v.product_id = p.id"
                + " WHERE p.status = 'active' AND v.stock_on_hand >= 5 ORDER BY p.id LIMIT 1");
    }
}
