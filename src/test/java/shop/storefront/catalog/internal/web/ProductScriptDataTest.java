package shop.storefront.catalog.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.storefront.catalog.PriceDisplay;
import shop.storefront.catalog.ProductDetail;
import shop.storefront.catalog.ProductDetail.Variant;
import shop.storefront.catalog.ProductSummary;
import shop.storefront.platform.Money;

/** The product page script's data: one state per combination of options, and JSON that cannot end its script block. */
class ProductScriptDataTest {

    private static final String ATTACK = "</script><script>alert(1)</script><!--";

    @Test
    void everyCombinationSaysWhatThePageWouldShowForIt() {
        ProductScriptData.Data data = ProductScriptData.of(parka("Parka", "White"), PriceDisplay::text);
        assertThat(data.options()).containsExactly("size", "colour");
        assertThat(data.states()).hasSize(6);

        ProductScriptData.State largeWhite = state(data, "L", "White");
        assertThat(largeWhite.sku()).isEqualTo("P-LW");
        assertThat(largeWhite.priceHtml()).isEqualTo("€79.00");
        assertThat(largeWhite.stock()).isEqualTo("Only 2 left");
        assertThat(largeWhite.unavailable()).isNull();
        assertThat(largeWhite.notes()).containsExactly(Map.entry("option-0-0", "Not in White"),
                Map.entry("option-0-2", "Out of stock"));
        assertThat(data.pictures().get(largeWhite.picture()).src()).isEqualTo("/img/white.jpg");

        ProductScriptData.State smallBlack = state(data, "S", "Black");
        assertThat(smallBlack.stock()).isEqualTo("Out of stock");
        assertThat(smallBlack.unavailable()).isEqualTo("Out of stock");
        assertThat(data.pictures().get(smallBlack.picture()).src()).isEqualTo("/img/black.jpg");

        ProductScriptData.State smallWhite = state(data, "S", "White");
        assertThat(smallWhite.sku()).isNull();
        assertThat(smallWhite.priceHtml()).isNull();
        assertThat(smallWhite.unavailable()).isEqualTo("Not made in S / White");
        assertThat(smallWhite.notes()).containsEntry("option-1-1", "Not in S");
    }

    @Test
    void productTextCannotEndTheScriptBlockAndReadsBackUnchanged() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String script = new ProductScriptData(json).script(parka(ATTACK, ATTACK), shown -> "<b>" + shown.text() + "</b>")
                .getValue();
        assertThat(script).doesNotContain("<", ">", "&");
        JsonNode read = json.readTree(script);
        assertThat(read.at("/states/1/options/colour").asText()).isEqualTo(ATTACK);
        assertThat(read.at("/pictures/1/alt").asText()).isEqualTo(ATTACK + " in white");
        assertThat(read.at("/states/0/priceHtml").asText()).isEqualTo("<b>€79.00</b>");
    }

    @Test
    void aProductWithOneVariantHasNoChoiceToScript() {
        ProductDetail single = product("Cap", List.of(variant("C-1", "M", "Red", 3)), List.of());
        assertThat(ProductScriptData.of(single, PriceDisplay::text).states()).isEmpty();
    }

    private static ProductScriptData.State state(ProductScriptData.Data data, String size, String colour) {
        return data.states().stream().filter(s -> s.options().equals(Map.of("size", size, "colour", colour)))
                .findFirst().orElseThrow();
    }

    private static ProductDetail parka(String name, String white) {
        return product(name, List.of(variant("P-SB", "S", "Black", 0), variant("P-LB", "L", "Black", 9),
                variant("P-LW", "L", white, 2), variant("P-MW", "M", white, 0)), List.of(
                        image("/img/black.jpg", name + " in black", "Black"),
                        image("/img/white.jpg", name + " in white", white)));
    }

    private static ProductSummary.Image image(String url, String alt, String colour) {
        return new ProductSummary.Image(url, alt, 480, 480, colour, List.of());
    }

    private static Variant variant(String sku, String size, String colour, int stock) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("size", size);
        options.put("colour", colour);
        return new Variant(sku, options, new Money(new BigDecimal("79.00"), "EUR"), null, stock, 900);
    }

    private static ProductDetail product(String name, List<Variant> variants, List<ProductSummary.Image> images) {
        return new ProductDetail("parka", name, "Warm.", "Aurora", "coats", List.of(), variants, images, Instant.EPOCH,
                Instant.EPOCH, null, null);
    }
}
