package shop.storefront.platform;

import java.util.regex.Pattern;

/** The rule for an optional phone number (for the courier): digits and the usual separators, nothing else. */
public final class PhoneNumber {

    static final int MAX_LENGTH = 40;
    private static final Pattern ALLOWED = Pattern.compile("[0-9 +()./-]*");

    private PhoneNumber() {
    }

    /** The number as stored: trimmed, empty when none was given; otherwise an {@link InvalidFieldException} for {@code phone}. */
    public static String normalise(String text) {
        String number = FieldText.optional("phone", "Phone number", text, MAX_LENGTH);
        if (!ALLOWED.matcher(number).matches()) {
            throw new InvalidFieldException("phone", "Phone numbers can contain digits, spaces and + ( ) . / - only.");
        }
        return number;
    }
}
