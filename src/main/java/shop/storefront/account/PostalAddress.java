package shop.storefront.account;

/** A saved postal address, as other modules see it (e.g. to pre-fill checkout). */
public record PostalAddress(String fullName, String line1, String line2, String city, String postalCode, String country,
        String phone) {
}
