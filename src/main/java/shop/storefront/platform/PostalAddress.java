package shop.storefront.platform;

/**
 * A postal address and the one rule for typing one: every module that takes an address (address book, checkout
 * pages and API) checks it here, and account hands saved ones to other modules in this shape (e.g. to pre-fill
 * checkout).
 */
public record PostalAddress(String fullName, String line1, String line2, String city, String postalCode, String country,
        String phone) {

    /**
     * Typed values checked and normalised by the rules every address form shares (address book, checkout pages and
     * API); the first problem, in form order, is an {@link InvalidFieldException} naming its
     * field. The limits are the database columns'.
     */
    public static PostalAddress of(String fullName, String line1, String line2, String city, String postalCode,
            String country, String phone, Countries countries) {
        return new PostalAddress(
                FieldText.required("fullName", "Full name", fullName, 200),
                FieldText.required("line1", "Address", line1, 200),
                FieldText.optional("line2", "Address line 2", line2, 200),
                FieldText.required("city", "Town or city", city, 100),
                FieldText.required("postalCode", "Postcode", postalCode, 20),
                countries.requireDeliverable(country),
                PhoneNumber.normalise(phone));
    }
}
