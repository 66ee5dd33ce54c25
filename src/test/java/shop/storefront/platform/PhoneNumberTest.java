package shop.storefront.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** An optional phone number: digits and + ( ) . / - and spaces, at most 40 characters, trimmed. */
class PhoneNumberTest {

    @ParameterizedTest(name = "[{0}] → [{1}]")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, nullValues = "NULL", value = {
            "NULL|",
            "''|",
            "   |",
            "+49 30 1234567|+49 30 1234567",
            "  (030) 123-45.67  |(030) 123-45.67",
            "0049/30/1234567|0049/30/1234567",
            "1234567890123456789012345678901234567890|1234567890123456789012345678901234567890"})
    void numbersAreTrimmedAndEmptyWhenNoneWasGiven(String typed, String stored) {
        assertThat(PhoneNumber.normalise(typed)).isEqualTo(stored == null ? "" : stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+49 30 CALL-ME", "030 1234567 ext. 5", "030#123", "030,123", "+49 30 1234567; drop", "030*1",
            "٠١٢٣", "<script>"})
    void anythingButDigitsAndSeparatorsIsRefusedAsPhone(String typed) {
        assertThatThrownBy(() -> PhoneNumber.normalise(typed))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("phone"))
                .hasMessage("Phone numbers can contain digits, spaces and + ( ) . / - only.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678901234567890123456789012345678901", "030\n123", "030\u0000"})
    void overFortyCharactersOrControlCharactersAreRefusedAsPhone(String typed) {
        assertThatThrownBy(() -> PhoneNumber.normalise(typed))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("phone"))
                .hasMessage("Phone number can be at most 40 characters, without control characters.");
    }
}
