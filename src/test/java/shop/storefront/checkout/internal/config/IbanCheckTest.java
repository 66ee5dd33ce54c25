package shop.storefront.checkout.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The IBAN check that guards the bank-transfer account (ISO 13616 examples published by the banks). */
class IbanCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432", "nl91abna0417164300", "FR14 2004 1010 0505 0001 3M02 606"})
    void acceptsRealIbansWithOrWithoutSpaces(String iban) {
        assertThat(BankDetailsWhenOffered.Check.isIban(iban)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE89 3704 0044 0532 0130 01", "GB82WEST12345698765433", "DE8937040044", "1234567890123456",
            "DE89 3704-0044", "DE01370400440000000042", "XX8937040044053201300000", "DE89 3704 0044 0532 0130 000"})
    void refusesATypoBadCheckDigitsUnknownCountryWrongLengthOrMalformedNumber(String iban) {
        assertThat(BankDetailsWhenOffered.Check.isIban(iban)).isFalse();
    }
}
