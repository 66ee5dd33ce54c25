package shop.storefront.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The postcode rules of every country the store ships to by default: each row is a postcode as typed and what is
 * stored, or the message naming the country with its example. A broken or missing rule fails its rows.
 */
class PostcodeFormatTest {

    private static final List<String> SHIPPED_TO = List.of("AT", "BE", "DE", "DK", "ES", "FI", "FR", "GB", "IE", "IT", "LU",
            "NL", "NO", "PL", "PT", "SE");

    @ParameterizedTest(name = "{0} \"{1}\" → \"{2}\"")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "AT|1010|1010",
            "AT| 3741 |3741",
            "BE|1000|1000",
            "DE|10115|10115",
            "DE|  51147\t|51147",
            "DK|1620|1620",
            "ES|28013|28013",
            "FI|00550|00550",
            "FI|FI-00550|00550",
            "FR|75001|75001",
            "FR|75 001|75 001",
            "GB|SW1A 1AA|SW1A 1AA",
            "GB|sw1a1aa|SW1A 1AA",
            "GB|  ec1y   8sy |EC1Y 8SY",
            "GB|M2 5BQ|M2 5BQ",
            "GB|m25bq|M2 5BQ",
            "GB|GIR0AA|GIR 0AA",
            "GB|bfpo61|BFPO 61",
            "IE|D01 F5P2|D01 F5P2",
            "IE|a65f4e2|A65 F4E2",
            "IE||''",
            "IT|00144|00144",
            "LU|4750|4750",
            "LU|L-4750|4750",
            "NL|1015 CJ|1015 CJ",
            "NL|1015cj|1015 CJ",
            "NO|0025|0025",
            "PL|00-950|00-950",
            "PT|1250-096|1250-096",
            "SE|111 51|111 51",
            "SE|11151|11151",
            "SE|se-111 51|111 51"})
    void aGoodPostcodeIsStoredInItsUsualForm(String country, String typed, String stored) {
        assertThat(format(country).normalise(typed)).isEqualTo(stored == null ? "" : stored);
    }

    @ParameterizedTest(name = "{0} \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "AT|101",
            "AT|10100",
            "BE|B-1000",
            "DE|1011",
            "DE|101155",
            "DE|1011A",
            "DK|DK-162",
            "ES|2801",
            "FI|0055",
            "FR|7500",
            "FR|750 01",
            "GB|SW1A",
            "GB|QQ1 1AA",
            "GB|SW1A 1CA",
            "GB|12345",
            "IE|D01-F5P2",
            "IE|D01F5P",
            "IT|0014",
            "LU|475",
            "NL|0123 AB",
            "NL|1234 SA",
            "NL|1234",
            "NO|025",
            "PL|00950",
            "PL|00 950",
            "PT|1250",
            "PT|1250096",
            "SE|1115"})
    void aPostcodeThatDoesNotFitIsRefusedWithTheCountrysExample(String country, String typed) {
        PostcodeFormat format = format(country);
        assertThatThrownBy(() -> format.normalise(typed))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("postalCode"))
                .hasMessage("Enter a postcode like " + format.example() + " for " + Countries.nameInSentence(country) + ".");
    }

    @Test
    void theMessageNamesTheCountryAndShowsItsExample() {
        assertThatThrownBy(() -> format("DE").normalise("1234"))
                .hasMessage("Enter a postcode like 26133 for Germany.");
        assertThatThrownBy(() -> format("GB").normalise("1234"))
                .hasMessage("Enter a postcode like EC1Y 8SY for the United Kingdom.");
        assertThatThrownBy(() -> format("NL").normalise("1234"))
                .hasMessage("Enter a postcode like 1234 AB for the Netherlands.");
    }

    /** Ireland's Eircode is optional (Google's data does not require it there); everywhere else the postcode is. */
    @Test
    void onlyIrelandTakesAnAddressWithoutAPostcode() {
        for (String country : SHIPPED_TO) {
            PostcodeFormat format = format(country);
            if (country.equals("IE")) {
                assertThat(format.normalise("  ")).isEmpty();
            } else {
                assertThatThrownBy(() -> format.normalise("  ")).as(country).hasMessage("Postcode is required.");
            }
        }
    }

    @Test
    void everyCountryShippedToHasAFormatWhoseExampleFitsIt() {
        assertThat(PostcodeFormats.missing(SHIPPED_TO)).isEmpty();
        for (String country : SHIPPED_TO) {
            PostcodeFormat format = format(country);
            assertThat(format.normalise(format.example())).as(country).isEqualTo(format.example());
        }
    }

    @Test
    void tooLongOrControlCharactersAreRefusedLikeOtherText() {
        assertThatThrownBy(() -> format("DE").normalise("1".repeat(21)))
                .hasMessage("Postcode can be at most 20 characters, without control characters.");
        assertThatThrownBy(() -> format("DE").normalise("101\u000715"))
                .hasMessage("Postcode can be at most 20 characters, without control characters.");
    }

    private static PostcodeFormat format(String country) {
        return PostcodeFormats.of(country).orElseThrow(() -> new AssertionError("no postcode format for " + country));
    }
}
