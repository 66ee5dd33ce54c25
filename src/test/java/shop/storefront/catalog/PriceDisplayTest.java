package shop.storefront.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import shop.storefront.platform.Money;

/** The price display rules: "from" only for differing prices, a sale only when the old price is above the price. */
class PriceDisplayTest {

    @Test
    void variantsAtOnePriceShowThatPriceWithoutFrom() {
        PriceDisplay shown = PriceDisplay.ofOffers(List.of(offer("20.00", null), offer("20.00", null)));
        assertThat(shown.text()).isEqualTo("€20.00");
        assertThat(shown.from()).isFalse();
        assertThat(shown.onSale()).isFalse();
        assertThat(shown.spoken()).isEqualTo("€20.00");
    }

    @Test
    void differingPricesShowTheLowestFrom() {
        PriceDisplay shown = PriceDisplay.ofOffers(List.of(offer("30.00", null), offer("19.90", null), offer("25.00", null)));
        assertThat(shown.text()).isEqualTo("from €19.90");
        assertThat(shown.spoken()).isEqualTo("From €19.90");
        assertThat(shown.was()).isNull();
        assertThat(shown.saving()).isNull();
    }

    @Test
    void aSaleOnTheCheapestVariantShowsItsOldPriceAndTheSaving() {
        PriceDisplay shown = PriceDisplay.ofOffers(List.of(offer("20.00", "25.00"), offer("30.00", null)));
        assertThat(shown.text()).isEqualTo("from €20.00");
        assertThat(shown.was()).isEqualTo(money("25.00"));
        assertThat(shown.saving()).isEqualTo(money("5.00"));
        assertThat(shown.spoken()).isEqualTo("Was €25.00, now from €20.00. Save €5.00.");
    }

    @Test
    void aSaleOnADearerVariantIsNotPromisedAtTheLowerPrice() {
        PriceDisplay shown = PriceDisplay.ofOffers(List.of(offer("20.00", null), offer("30.00", "40.00")));
        assertThat(shown.text()).isEqualTo("from €20.00");
        assertThat(shown.onSale()).isFalse();
    }

    @Test
    void aSaleOnEveryVariantAtOnePriceShowsNoFrom() {
        PriceDisplay shown = PriceDisplay.ofOffers(List.of(offer("20.00", "25.00"), offer("20.00", "25.00")));
        assertThat(shown.text()).isEqualTo("€20.00");
        assertThat(shown.spoken()).isEqualTo("Was €25.00, now €20.00. Save €5.00.");
    }

    @Test
    void cheapestVariantsOnSaleAtDifferentOldPricesShowTheHighestOldPrice() {
        PriceDisplay shown = PriceDisplay.ofOffers(List.of(offer("20.00", "22.00"), offer("20.00", "26.00"), offer("20.00", null)));
        assertThat(shown.was()).isEqualTo(money("26.00"));
        assertThat(shown.saving()).isEqualTo(money("6.00"));
    }

    @Test
    void aCompareAtPriceEqualToOrBelowThePriceIsNoSale() {
        assertThat(PriceDisplay.of(money("20.00"), money("20.00")).onSale()).isFalse();
        assertThat(PriceDisplay.of(money("20.00"), money("15.00")).was()).isNull();
        assertThat(PriceDisplay.ofOffers(List.of(offer("20.00", "20.00"))).spoken()).isEqualTo("€20.00");
    }

    @Test
    void oneVariantOnSale() {
        PriceDisplay shown = PriceDisplay.of(money("29.99"), money("49.99"));
        assertThat(shown.text()).isEqualTo("€29.99");
        assertThat(shown.saving()).isEqualTo(money("20.00"));
        assertThat(shown.spoken()).isEqualTo("Was €49.99, now €29.99. Save €20.00.");
    }

    @Test
    void noVariantsNoPrice() {
        assertThat(PriceDisplay.ofOffers(List.of())).isNull();
    }

    private static PriceDisplay.Offer offer(String price, String compareAt) {
        return new PriceDisplay.Offer(money(price), compareAt == null ? null : money(compareAt));
    }

    private static Money money(String amount) {
        return Money.of(amount, "EUR");
    }
}
