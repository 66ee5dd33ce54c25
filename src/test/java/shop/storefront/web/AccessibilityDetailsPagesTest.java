package shop.storefront.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.storefront.catalog.CatalogOracle;

/** What automated checkers miss: the cart link says its count in words, listings let keyboards skip the filters. */
@QuarkusTest
class AccessibilityDetailsPagesTest {

    private static final String SKIP_TO_RESULTS = "<a class=\"skip-link\" href=\"#results\">Skip to results</a>";

    @Inject
    CatalogOracle db;

    @Test
    void theCartLinkSaysHowManyItemsItHolds() {
        Shopper shopper = new Shopper();
        assertThat(shopper.get("/account/sign-in").asString())
                .contains("<a class=\"mini-cart\" href=\"/cart\" aria-label=\"Cart, empty\">Cart <span class=\"mini-cart-count\">0</span></a>");
        assertThat(shopper.state().getString("cartLabel")).isEqualTo("Cart, empty");
        String sku = db.string("SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id"
                + " WHERE p.status = 'active' AND v.stock_on_hand >= 5 ORDER BY v.id LIMIT 1");
        String slug = db.string("SELECT p.slug FROM catalog.product p JOIN catalog.variant v ON v.product_id = p.id WHERE v.sku = ?", sku);
        assertThat(shopper.submit("/product/" + slug, "/cart/add", Map.of("sku", sku, "quantity", "2")).statusCode()).isEqualTo(303);
        assertThat(shopper.get("/account/sign-in").asString())
                .contains("<a class=\"mini-cart\" href=\"/cart\" aria-label=\"Cart, 2 items\">Cart <span class=\"mini-cart-count\">2</span></a>");
        // Catalog pages, the same for everyone, get the label from the header's script.
        assertThat(shopper.state().getString("cartLabel")).isEqualTo("Cart, 2 items");
    }

    @Test
    void categoryAndSearchPagesSkipToTheResults() {
        String category = new Shopper().get("/category/clothing").then().statusCode(200).extract().asString();
        assertSkipsToResults(category);
        String word = db.string("SELECT lower(split_part(p.name, ' ', 1)) FROM catalog.product p WHERE p.status = 'active' ORDER BY p.id LIMIT 1");
        String search = new Shopper().get("/search?q=" + word).then().statusCode(200).extract().asString();
        assertThat(search).contains("class=\"card\"");
        assertSkipsToResults(search);
    }

    private static void assertSkipsToResults(String html) {
        assertThat(html).contains(SKIP_TO_RESULTS, "<section class=\"results\" id=\"results\"");
        // The link comes before the filters it skips.
        assertThat(html.indexOf(SKIP_TO_RESULTS)).isLessThan(html.indexOf("aria-label=\"Filter products\""));
    }
}
