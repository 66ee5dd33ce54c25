package shop.storefront.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @Test
    void amountsAreHeldAtTheCurrencyScaleWithBankersRounding() {
        assertThat(Money.of("10", "EUR").amount()).isEqualTo(new BigDecimal("10.00"));
        assertThat(Money.of("0.125", "EUR").amount()).isEqualTo(new BigDecimal("0.12"));
        assertThat(Money.of("0.135", "EUR").amount()).isEqualTo(new BigDecimal("0.14"));
        assertThat(Money.of("1500", "JPY").amount()).isEqualTo(new BigDecimal("1500"));
        assertThat(Money.of("10", "EUR")).isEqualTo(Money.of("10.000", "EUR"));
    }

    @Test
    void displayAndPlainForms() {
        assertThat(Money.of("1299.5", "EUR").display()).isEqualTo("€1,299.50");
        assertThat(Money.of("7", "GBP").plain()).isEqualTo("7.00");
    }

    @Test
    void refusesUnknownCurrenciesAndCrossCurrencyComparison() {
        assertThatThrownBy(() -> Money.of("1", "XYZ1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1", "EUR").compareTo(Money.of("1", "USD")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EUR").hasMessageContaining("USD");
        assertThat(Money.of("2", "EUR")).isGreaterThan(Money.of("1.99", "EUR"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"49.90, 49.90", "0, 0", "7.5, 7.5", "1234567890.12, 1234567890.12"})
    void plainAmountsAreReadExactly(String typed, BigDecimal amount) {
        assertThat(Money.parsePlainAmount(typed)).contains(amount);
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @NullSource
    @ValueSource(strings = {"", " 49.90", "-1", "+1", "49,90", "1,000.00", "49.901", "€49.90", "1e3", "12345678901", ".5", "5."})
    void anythingButAPlainAmountIsRefused(String typed) {
        assertThat(Money.parsePlainAmount(typed)).isEmpty();
    }
}
