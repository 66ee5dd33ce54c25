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

        /** ISO 13616: the account number with its first four characters moved to the end, letters as 10–35, mod 97 is 1. */
        static boolean isIban(String value) {
            String iban = value.replace(" ", "").toUpperCase(Locale.ROOT);
            if (!iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")) {
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
