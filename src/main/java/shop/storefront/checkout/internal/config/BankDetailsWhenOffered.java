package shop.storefront.checkout.internal.config;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;

/**
 * While bank transfer is offered, shoppers must be told where to pay: the account's payee and a valid IBAN (checksum
 * included) are then required. Checked with the rest of the configuration, so start-up stops naming the setting.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = BankDetailsWhenOffered.Check.class)
@interface BankDetailsWhenOffered {

    String message() default "storefront.checkout.bank-account.payee and storefront.checkout.bank-account.iban are required"
            + " while bank-transfer is in storefront.checkout.offline-payment-methods (the account shoppers pay into)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<BankDetailsWhenOffered, CheckoutConfig> {

        @Override
        public boolean isValid(CheckoutConfig config, ConstraintValidatorContext context) {
            if (!config.offlinePaymentMethods().contains("bank-transfer")) {
                return true;
            }
            if (config.bankAccount().isEmpty()) {
                return false;
            }
            if (!isIban(config.bankAccount().get().iban())) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("storefront.checkout.bank-account.iban is not a valid IBAN"
                        + " (country, check digits and account number, e.g. DE89 3704 0044 0532 0130 00)").addConstraintViolation();
                return false;
            }
            return true;
        }

        /** IBAN length by country, from the ISO 13616 registry. */
        private static final Map<String, Integer> LENGTHS = Map.ofEntries(
                Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
                Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BR", 29),
                Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24),
                Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("DO", 28), Map.entry("EE", 20), Map.entry("EG", 29),
                Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22),
                Map.entry("GE", 22), Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28),
                Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23),
                Map.entry("IS", 26), Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20),
                Map.entry("LB", 28), Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20),
                Map.entry("LV", 21), Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19),
                Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NL", 18), Map.entry("NO", 15),
                Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29),
                Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SE", 24),
                Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("ST", 25), Map.entry("SV", 28),
                Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VA", 22),
                Map.entry("VG", 24), Map.entry("XK", 20));

        /**
         * ISO 13616: a registered country, that country's length, check digits 02–98, and the account number with its
         * first four characters moved to the end (letters as 10–35) leaving 1 modulo 97.
         */
        static boolean isIban(String value) {
            String iban = value.replace(" ", "").toUpperCase(Locale.ROOT);
            if (!iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}") || !Integer.valueOf(iban.length()).equals(LENGTHS.get(iban.substring(0, 2)))) {
                return false;
            }
            int check = Integer.parseInt(iban.substring(2, 4));
            if (check < 2 || check > 98) {
                return false;
            }
            StringBuilder digits = new StringBuilder();
            for (char c : (iban.substring(4) + iban.substring(0, 4)).toCharArray()) {
                digits.append(Character.getNumericValue(c));
            }
            return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
        }
    }
}
