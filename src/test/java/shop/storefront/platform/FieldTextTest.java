package shop.storefront.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Typed free text: trimmed, at most so many characters after trimming, no control characters; refusals name the field. */
class FieldTextTest {

    private static final int MAX = 5;

    @ParameterizedTest(name = "[{0}] → [{1}]")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "abc|abc",
            "  abc  |abc",
            "abcde|abcde",
            "   abcde   |abcde", // the limit applies after trimming
            "a b|a b",
            "Zoë|Zoë",
            "\tab\t|ab"})
    void textIsTrimmedAndKeptWithinTheLimit(String typed, String kept) {
        assertThat(FieldText.optional("city", "Town", typed, MAX)).isEqualTo(kept);
        assertThat(FieldText.required("city", "Town", typed, MAX)).isEqualTo(kept);
    }

    @Test
    void trailingLineBreaksAreTrimmedAwayNotRefused() {
        assertThat(FieldText.optional("city", "Town", "Bonn\r\n", MAX)).isEqualTo("Bonn");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdef", "a b c d", "a\u0000b", "a\nb", "a\tb", "ab\u0007", "ab\u007f", "ab\u0085", "\u001b[31m"})
    void tooLongOrControlCharactersAreRefusedNamingTheField(String typed) {
        assertThatThrownBy(() -> FieldText.optional("city", "Town", typed, MAX))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("city"))
                .hasMessage("Town can be at most 5 characters, without control characters.");
        assertThatThrownBy(() -> FieldText.required("city", "Town", typed, MAX))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("city"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t \r\n"})
    void nothingTypedIsEmptyWhenOptionalAndRefusedWhenRequired(String typed) {
        assertThat(FieldText.optional("line2", "Address line 2", typed, MAX)).isEmpty();
        assertThatThrownBy(() -> FieldText.required("line1", "Address", typed, MAX))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("line1"))
                .hasMessage("Address is required.");
    }

    @ParameterizedTest(name = "[{0}] → [{1}]")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, nullValues = "NULL", value = {
            "NULL|",
            "abc|abc",
            "abcde|abcde",
            "abcdefgh|abcde",
            " a\u0000bcdefgh| a\u0000bc"}) // shown back as typed, only cut: escaping is the template's job
    void echoShowsTypedTextBackCutToTheLimit(String typed, String shown) {
        assertThat(FieldText.echo(typed, MAX)).isEqualTo(shown == null ? "" : shown);
    }

    @Test
    void linesKeepTheirBreaksWithOneKindOfLineEnd() {
        assertThat(FieldText.optionalLines("description", "Description", " a\r\nb\rc\td \n", 7)).isEqualTo("a\nb\nc\td");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdef", "a\u0000b", "ab\u0007", "ab\u0085", "\u001b[31m"})
    void linesAreRefusedWhenTooLongOrWithOtherControlCharacters(String typed) {
        assertThatThrownBy(() -> FieldText.optionalLines("description", "Description", typed, MAX))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("description"));
    }
}
