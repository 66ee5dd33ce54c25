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
     * API); every problem, in form order, is in one {@link InvalidFields}. The limits are the database columns'.
     */
    public static PostalAddress of(String fullName, String line1, String line2, String city, String postalCode,
            String country, String phone, Countries countries) {
        InvalidFields.Collector problems = new InvalidFields.Collector();
        PostalAddress address = collect(fullName, line1, line2, city, postalCode, country, phone, countries, problems);
        problems.throwIfAny();
        return address;
    }

    /**
     * The same rules for a form with more fields than the address: each problem is recorded in {@code problems} (in
     * form order, after the ones already there) and the refused fields are null in the result.
     */
    public static PostalAddress collect(String fullName, String line1, String line2, String city, String postalCode,
            String country, String phone, Countries countries, InvalidFields.Collector problems) {
        String name = problems.check(() -> FieldText.required("fullName", "Full name", fullName, 200));
        String first = problems.check(() -> FieldText.required("line1", "Address", line1, 200));
        String second = problems.check(() -> FieldText.optional("line2", "Address line 2", line2, 200));
        String town = problems.check(() -> FieldText.required("city", "Town or city", city, 100));
        // The postcode's format depends on the country, which the form asks for after it.
        String code = countries.deliverable(country).orElse(null);
        String postcode = problems.check(() -> code == null
                ? FieldText.optional("postalCode", "Postcode", postalCode, PostcodeFormat.MAX_LENGTH)
                : countries.postcodeFormat(code).normalise(postalCode));
        problems.check(() -> countries.requireDeliverable(country));
        String number = problems.check(() -> PhoneNumber.normalise(phone));
        return new PostalAddress(name, first, second, town, postcode, code, number);
    }
}
