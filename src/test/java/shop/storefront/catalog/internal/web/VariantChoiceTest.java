package shop.storefront.catalog.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.storefront.catalog.ProductDetail;
import shop.storefront.catalog.ProductDetail.Variant;
import shop.storefront.platform.Money;

/** Which variant the product page's options select, what each option says, and the problem with a choice. */
class VariantChoiceTest {

    private static final ProductDetail PARKA = product(
            variant("P-SB", "S", "Black", 0), variant("P-LB", "L", "Black", 4), variant("P-LW", "L", "White", 2),
            variant("P-MW", "M", "White", 0));

    @Test
    void withoutAChoiceTheFirstVariantInStockIsSelected() {
        VariantChoice choice = VariantChoice.of(PARKA, null, Map.<String, String>of()::get);
        assertThat(choice.selected().sku()).isEqualTo("P-LB");
        assertThat(choice.problem()).isNull();
        assertThat(notes(choice, "size")).containsExactly("S=Out of stock", "L=", "M=Not in Black");
        assertThat(notes(choice, "colour")).containsExactly("Black=", "White=");
        assertThat(choice.groups()).extracting(VariantChoice.Group::legend).containsExactly("Size", "Colour");
    }

    @Test
    void aChosenCombinationIsSelectedAndCheckedEvenWhenSoldOut() {
        VariantChoice choice = VariantChoice.of(PARKA, null, Map.of("size", "M", "colour", "White")::get);
        assertThat(choice.selected().sku()).isEqualTo("P-MW");
        assertThat(choice.problem()).isEqualTo("Parka in M / White is out of stock. Please choose another size or colour.");
        assertThat(choice.groups().getFirst().choices()).filteredOn(VariantChoice.Choice::checked)
                .extracting(VariantChoice.Choice::value).containsExactly("M");
    }

    @Test
    void aCombinationNotMadeKeepsTheDefaultAndSaysSo() {
        VariantChoice choice = VariantChoice.of(PARKA, "P-LW", Map.of("size", "S", "colour", "White")::get);
        assertThat(choice.selected().sku()).isEqualTo("P-LW");
        assertThat(choice.problem()).isEqualTo("We do not make Parka in S / White. Please choose another combination.");
    }

    @Test
    void anIncompleteOrMadeUpChoiceAsksForOneFromThoseShown() {
        assertThat(VariantChoice.of(PARKA, null, Map.of("size", "L")::get).problem())
                .isEqualTo("Please choose a size and a colour from those shown.");
        assertThat(VariantChoice.of(PARKA, null, Map.of("size", "XXL", "colour", "Black")::get).problem())
                .isEqualTo("Please choose a size and a colour from those shown.");
    }

    @Test
    void aProductWithOneVariantOffersNoChoice() {
        VariantChoice choice = VariantChoice.of(product(variant("ONE", "M", "Red", 3)), null, Map.of("size", "S")::get);
        assertThat(choice.single()).isTrue();
        assertThat(choice.selected().sku()).isEqualTo("ONE");
        assertThat(choice.problem()).isNull();
    }

    private static List<String> notes(VariantChoice choice, String option) {
        return choice.groups().stream().filter(g -> g.name().equals(option)).findFirst().orElseThrow().choices().stream()
                .map(c -> c.value() + "=" + (c.unavailable() == null ? "" : c.unavailable())).toList();
    }

    private static Variant variant(String sku, String size, String colour, int stock) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("size", size);
        options.put("colour", colour);
        return new Variant(sku, options, new Money(new BigDecimal("89.00"), "EUR"), null, stock, 900);
    }

    private static ProductDetail product(Variant... variants) {
        return new ProductDetail("parka", "Parka", "Warm.", "Aurora", "coats", List.of(), List.of(variants), List.of(),
                Instant.EPOCH, Instant.EPOCH, null, null);
    }
}
