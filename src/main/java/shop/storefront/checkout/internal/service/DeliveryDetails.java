package shop.storefront.checkout.internal.service;

import java.util.Locale;
import java.util.regex.Pattern;
import shop.storefront.platform.Countries;

/** Who the order is for and where it goes, checked and normalised; {@link #of} refuses anything else. */
public record DeliveryDetails(String email, String fullName, String line1, String line2, String city, String postalCode,
        String country, String phone) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cc}]+@[^@\\s\\p{Cc}]+\\.[^@\\s\\p{Cc}]+");

    /** Validates typed values; the first problem becomes a 400 naming the field. */
    public static DeliveryDetails of(String email, String fullName, String line1, String line2, String city,
            String postalCode, String country, String phone, Countries countries) {
        String mail = optional("email", email, 254).toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(mail).matches()) {
            throw new CheckoutException(400, "email", "Enter an e-mail address such as name@example.com.");
        }
        String name = required("fullName", "Full name", fullName, 200);
        String street = required("line1", "Address", line1, 200);
        String extra = optional("line2", line2, 200);
        String town = required("city", "Town or city", city, 100);
        String postcode = required("postalCode", "Postcode", postalCode, 20);
        String code = countries.deliverable(country)
                .orElseThrow(() -> new CheckoutException(400, "country", "Choose a country we deliver to."));
        String tel = optional("phone", phone, 40);
        if (!tel.matches("[0-9 +()./-]*")) {
            throw new CheckoutException(400, "phone", "Phone numbers can contain digits, spaces and + ( ) . / - only.");
        }
        return new DeliveryDetails(mail, name, street, extra, town, postcode, code, tel);
    }

    private static String required(String field, String label, String value, int max) {
        String text = optional(field, value, max);
        if (text.isEmpty()) {
            throw new CheckoutException(400, field, label + " is required.");
        }
        return text;
    }

    private static String optional(String field, String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.length() > max || text.codePoints().anyMatch(Character::isISOControl)) {
            throw new CheckoutException(400, field, "This field can be at most " + max + " characters, without control characters.");
        }
        return text;
    }
}
