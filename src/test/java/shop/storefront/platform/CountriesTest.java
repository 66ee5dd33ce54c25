package shop.storefront.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The delivery countries: codes in any case are accepted if configured, anything else is refused as {@code country}. */
class CountriesTest {

    private final Countries countries = countries("NO", "DE", "FR");

    static Countries countries(String... codes) {
        return new Countries(ConfigStub.of(StorefrontConfig.class, Map.of("countries", List.of(codes))));
    }

    @ParameterizedTest(name = "[{0}] → {1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "DE|DE",
            "de|DE",
            " fR |FR",
            "No|NO"})
    void aDeliverableCodeIsAcceptedInCanonicalForm(String typed, String code) {
        assertThat(countries.deliverable(typed)).contains(code);
        assertThat(countries.requireDeliverable(typed)).isEqualTo(code);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "GB", "DEU", "D", "Germany", "D E", "DE\u0000", "xx"})
    void anyOtherValueIsRefusedAsCountry(String typed) {
        assertThat(countries.deliverable(typed)).isEmpty();
        assertThatThrownBy(() -> countries.requireDeliverable(typed))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("country"))
                .hasMessage("Choose a country we deliver to.");
    }

    @Test
    void choicesAreSortedByEnglishName() {
        assertThat(countries.choices()).extracting(Map.Entry::getKey, Map.Entry::getValue).containsExactly(
                org.assertj.core.groups.Tuple.tuple("FR", "France"),
                org.assertj.core.groups.Tuple.tuple("DE", "Germany"),
                org.assertj.core.groups.Tuple.tuple("NO", "Norway"));
        assertThat(countries.codes()).containsExactlyInAnyOrder("DE", "FR", "NO");
    }

    /** A delivery country must have a postcode format: one without stops start-up naming the setting. */
    @Test
    void aCountryWithoutAPostcodeFormatIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> countries("DE", "ZZ"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("storefront.countries")
                .hasMessageContaining("ZZ")
                .hasMessageContaining("platform/postcode-formats.properties");
    }

    @ParameterizedTest
    @CsvSource({"GB, United Kingdom", "CZ, Czechia", "NL, Netherlands"})
    void namesAreBritishEnglish(String code, String name) {
        assertThat(Countries.name(code)).isEqualTo(name);
    }
}
