package shop.storefront.checkout.internal.service;

import shop.storefront.platform.Countries;
import shop.storefront.platform.EmailAddress;
import shop.storefront.platform.PostalAddress;

/** Who the order is for and where it goes, checked and normalised; {@link #of} refuses anything else. */
public record DeliveryDetails(String email, String fullName, String line1, String line2, String city, String postalCode,
        String country, String phone) {

    /**
     * Validates typed values with the shared rules ({@link EmailAddress}, {@link PostalAddress#of}); the first problem
     * is an {@link shop.storefront.platform.InvalidFieldException} naming the field.
     */
    public static DeliveryDetails of(String email, String fullName, String line1, String line2, String city,
            String postalCode, String country, String phone, Countries countries) {
        String mail = EmailAddress.parse(email).value();
        PostalAddress to = PostalAddress.of(fullName, line1, line2, city, postalCode, country, phone, countries);
        return new DeliveryDetails(mail, to.fullName(), to.line1(), to.line2(), to.city(), to.postalCode(), to.country(), to.phone());
    }
}
