package shop.storefront.cart;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.SizeColourProduct;
import shop.storefront.web.Shopper;

/** The product page's add-to-cart form sends the chosen size and colour; the server finds the SKU they name. */
@QuarkusTest
class VariantChoiceFormTest {

    @Inject
    CatalogOracle db;

    SizeColourProduct product;
    Shopper shopper;

    @BeforeEach
    void freshProductAndShopper() {
        product = SizeColourProduct.create(db);
        shopper = new Shopper();
    }

    @AfterEach
    void offSale() {
        product.archive(db);
    }

    @Test
    void theProductPageOffersEachOptionInsideTheAddToCartForm() {
        String page = shopper.get(product.path() + "?sku=" + product.largeWhite()).asString();
        String form = page.substring(page.indexOf("<form method=\"post\" action=\"/cart/add\""), page.indexOf("</form>", page.indexOf("action=\"/cart/add\"")));
        assertThat(form).contains("<legend>Size</legend>", "<legend>Colour</legend>",
                "name=\"product\" value=\"" + product.slug() + "\"",
                "name=\"size\" value=\"L\" checked", "name=\"colour\" value=\"White\" checked",
                "Add to cart").doesNotContain("name=\"sku\"");
        // With White chosen, M is sold out and S is not made: both still shown, each with the reason.
        assertThat(form).containsPattern("value=\"M\">\\s*<label[^>]*class=\"option unavailable\">M <span class=\"option-note\">Out of stock</span>")
                .containsPattern("value=\"S\">\\s*<label[^>]*class=\"option unavailable\">S <span class=\"option-note\">Not in White</span>")
                .containsPattern("value=\"L\" checked>\\s*<label[^>]*class=\"option\">L</label>")
                .containsPattern("value=\"Black\">\\s*<label[^>]*class=\"option\">Black</label>");
        assertThat(page).doesNotContain("select id=\"sku\"");
    }

    @Test
    void theChosenSizeAndColourIsExactlyWhatIsAdded() {
        Response added = shopper.submit(product.path(), "/cart/add",
                Map.of("product", product.slug(), "size", "L", "colour", "White", "quantity", "1"));
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.header("Location")).endsWith("/cart");
        String cart = shopper.get("/cart").asString();
        assertThat(cart).contains("SKU " + product.largeWhite(), "L / White", "Subtotal (1 item)")
                .doesNotContain(product.smallBlack(), product.largeBlack(), product.mediumWhite());
    }

    @Test
    void aCombinationThatIsNotMadeGoesBackToTheProductPageAndLeavesTheCartAlone() {
        shopper.submit(product.path(), "/cart/add", Map.of("sku", product.smallBlack(), "quantity", "1"));

        Response refused = shopper.submit(product.path(), "/cart/add",
                Map.of("product", product.slug(), "size", "S", "colour", "White", "quantity", "1"));
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(refused.header("Location")).endsWith(product.path() + "?size=S&colour=White");
        String page = shopper.get(refused.header("Location")).asString();
        assertThat(page).contains("role=\"alert\"", "We do not make " + product.name() + " in S / White. Please choose another combination.");

        assertThat(shopper.get("/cart").asString()).contains("SKU " + product.smallBlack(), "Subtotal (1 item)")
                .doesNotContain("White");
    }

    @Test
    void aSoldOutCombinationSaysSoOnTheProductPage() {
        Response refused = shopper.submit(product.path(), "/cart/add",
                Map.of("product", product.slug(), "size", "M", "colour", "White", "quantity", "1"));
        assertThat(refused.statusCode()).isEqualTo(303);
        String page = shopper.get(refused.header("Location")).asString();
        assertThat(page).contains(product.name() + " in M / White is out of stock. Please choose another size or colour.",
                "SKU " + product.mediumWhite(), "name=\"size\" value=\"M\" checked");
        assertThat(shopper.get("/cart").asString()).contains("Your cart is empty");
    }

    @Test
    void aMissingOrMadeUpOptionIsNamed() {
        Response refused = shopper.submit(product.path(), "/cart/add",
                Map.of("product", product.slug(), "size", "<b>XXL</b>", "quantity", "1"));
        assertThat(refused.statusCode()).isEqualTo(303);
        String page = shopper.get(refused.header("Location")).asString();
        assertThat(page).contains("Please choose a size and a colour from those shown.").doesNotContain("<b>XXL");
        assertThat(shopper.get("/cart").asString()).contains("Your cart is empty");
    }

    @Test
    void askingForMoreThanTheStockAddsWhatIsLeftAndSaysSo() {
        Response added = shopper.submit(product.path(), "/cart/add",
                Map.of("product", product.slug(), "size", "L", "colour", "White", "quantity", "5"));
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.header("Location")).endsWith("/cart");
        assertThat(shopper.get("/cart").asString()).contains("SKU " + product.largeWhite(), "Subtotal (3 items)",
                "Only 3 of " + product.name() + " (L / White) were left, so we added 3 instead of the 5 you asked for.");
    }

    @Test
    void anUnknownProductGetsAClearPage() {
        Response unknown = shopper.submit(product.path(), "/cart/add",
                Map.of("product", "no-such-product", "size", "L", "colour", "White", "quantity", "1"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.asString()).contains("We could not find that product");
    }
}
