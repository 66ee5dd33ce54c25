package shop.storefront.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The postal address rule every address form shares: each field trimmed and within its column's length, the
 * postcode in its country's format, the country one we deliver to, the phone optional; every problem is refused at
 * once, in form order, each naming its field.
 */
class PostalAddressTest {

    private final Countries countries = CountriesTest.countries("DE", "FR");

    @Test
    void typedValuesAreTrimmedAndNormalised() {
        PostalAddress address = PostalAddress.of("  Ada Lovelace ", " Hauptstraße 1 ", "   ", " Berlin ", " 10115 ", " de ",
                " +49 30 1234567 ", countries);

        assertThat(address).isEqualTo(new PostalAddress("Ada Lovelace", "Hauptstraße 1", "", "Berlin", "10115", "DE",
                "+49 30 1234567"));
    }

    @Test
    void lineTwoAndPhoneMayBeLeftOut() {
        PostalAddress address = PostalAddress.of("Ada", "Rue 1", null, "Paris", "75001", "FR", null, countries);

        assertThat(address.line2()).isEmpty();
        assertThat(address.phone()).isEmpty();
    }

    /** Each row breaks one field of a good address (200, 200, 200, 100, 20 and 40 characters at most). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            // broken field | full name | line 1 | line 2 | city | postcode | country | phone
            "fullName       | NULL      | Rue 1  | NULL   | Paris | 75001   | FR      | NULL",
            "fullName       | #201      | Rue 1  | NULL   | Paris | 75001   | FR      | NULL",
            "line1          | Ada       | ''     | NULL   | Paris | 75001   | FR      | NULL",
            "line1          | Ada       | #201   | NULL   | Paris | 75001   | FR      | NULL",
            "line2          | Ada       | Rue 1  | #201   | Paris | 75001   | FR      | NULL",
            "city           | Ada       | Rue 1  | NULL   | NULL  | 75001   | FR      | NULL",
            "city           | Ada       | Rue 1  | NULL   | #101  | 75001   | FR      | NULL",
            "postalCode     | Ada       | Rue 1  | NULL   | Paris | NULL    | FR      | NULL",
            "postalCode     | Ada       | Rue 1  | NULL   | Paris | #21     | FR      | NULL",
            "country        | Ada       | Rue 1  | NULL   | Paris | 75001   | NULL    | NULL",
            "country        | Ada       | Rue 1  | NULL   | Paris | 75001   | GB      | NULL",
            "phone          | Ada       | Rue 1  | NULL   | Paris | 75001   | FR      | #41",
            "phone          | Ada       | Rue 1  | NULL   | Paris | 75001   | FR      | call me"})
    void aBrokenFieldIsRefusedByName(String field, String fullName, String line1, String line2, String city, String postalCode,
            String country, String phone) {
        assertThatThrownBy(() -> PostalAddress.of(text(fullName), text(line1), text(line2), text(city), text(postalCode),
                country, text(phone), countries))
                .isInstanceOfSatisfying(InvalidFields.class, e -> assertThat(e.errors()).containsOnlyKeys(field));
    }

    /** The postcode's own length limit is in {@link PostcodeFormatTest}: no country's format takes 20 characters. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"fullName, 200", "line1, 200", "line2, 200", "city, 100", "phone, 40"})
    void eachFieldMayFillItsColumn(String field, int length) {
        String full = field.equals("phone") ? "1".repeat(length) : "x".repeat(length);
        PostalAddress address = PostalAddress.of(
                field.equals("fullName") ? full : "Ada", field.equals("line1") ? full : "Rue 1", field.equals("line2") ? full : "",
                field.equals("city") ? full : "Paris", field.equals("postalCode") ? full : "75001", "FR",
                field.equals("phone") ? full : "", countries);

        assertThat(address.toString()).contains(full);
    }

    /** With everything wrong, every field is reported at once in form order; the first one is the refusal's field. */
    @Test
    void everyProblemIsReportedInFormOrder() {
        assertThatThrownBy(() -> PostalAddress.of("", "", "x".repeat(201), "", "", "XX", "?", countries))
                .isInstanceOfSatisfying(InvalidFields.class, e -> {
                    assertThat(e.errors()).containsExactly(
                            entry("fullName", "Full name is required."),
                            entry("line1", "Address is required."),
                            entry("line2", "Address line 2 can be at most 200 characters, without control characters."),
                            entry("city", "Town or city is required."),
                            entry("country", "Choose a country we deliver to."),
                            entry("phone", "Phone numbers can contain digits, spaces and + ( ) . / - only."));
                    assertThat(e.field()).isEqualTo("fullName");
                    assertThat(e.getMessage()).isEqualTo("Full name is required.");
                });
    }

    /** The postcode is checked against the chosen country's format, which the form asks for after it. */
    @Test
    void thePostcodeFollowsTheChosenCountry() {
        assertThat(PostalAddress.of("Ada", "Rue 1", "", "Paris", " 75001 ", "fr", "", countries).postalCode()).isEqualTo("75001");
        assertThatThrownBy(() -> PostalAddress.of("Ada", "Rue 1", "", "Berlin", "750", "DE", "", countries))
                .isInstanceOfSatisfying(InvalidFields.class, e -> assertThat(e.errors())
                        .containsExactly(entry("postalCode", "Enter a postcode like 26133 for Germany.")));
        assertThatThrownBy(() -> PostalAddress.of("Ada", "Rue 1", "", "Paris", "", "FR", "", countries))
                .isInstanceOfSatisfying(InvalidFields.class, e -> assertThat(e.errors())
                        .containsExactly(entry("postalCode", "Postcode is required.")));
    }

    /** {@code #n} in the table stands for n characters, one over the field's limit. */
    private static String text(String value) {
        return value != null && value.startsWith("#") ? "x".repeat(Integer.parseInt(value.substring(1))) : value;
    }
}
