package shop.storefront.account.internal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cognito sign-in needs its issuer, client id and client secret together: with only some of them set, start-up stops
 * naming the missing ones, rather than running with a sign-in button that cannot work (or none that was meant to be).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CognitoSettingsComplete.Check.class)
@interface CognitoSettingsComplete {

    String message() default "storefront.account.cognito settings are incomplete";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<CognitoSettingsComplete, AccountConfig> {

        private static final String PREFIX = "storefront.account.cognito.";

        @Override
        public boolean isValid(AccountConfig config, ConstraintValidatorContext context) {
            AccountConfig.Cognito cognito = config.cognito();
            List<String> missing = new ArrayList<>();
            if (cognito.enabled()) {
                requireText(cognito.clientId(), "client-id", missing);
                requireText(cognito.clientSecret(), "client-secret", missing);
            } else if (cognito.clientId().isPresent() || cognito.clientSecret().isPresent() || cognito.logoutUrl().isPresent()) {
                missing.add(PREFIX + "issuer");
            }
            if (missing.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(String.join(" and ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " required for sign-in with Amazon Cognito (set issuer, client-id and client-secret together, or none)")
                    .addConstraintViolation();
            return false;
        }

        private static void requireText(Optional<String> value, String key, List<String> missing) {
            if (value.filter(v -> !v.isBlank()).isEmpty()) {
                missing.add(PREFIX + key);
            }
        }
    }
}
