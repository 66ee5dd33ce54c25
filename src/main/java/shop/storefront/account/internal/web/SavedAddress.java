package shop.storefront.account.internal.web;

import shop.storefront.account.internal.domain.Address;

/**
 * One address as the address book lists it and its form shows it: a saved one, the blank form, or what was
 * typed into a refused form. The id is null for an address not saved yet.
 */
public record SavedAddress(Long id, String fullName, String line1, String line2, String city, String postalCode,
        String country, String phone, boolean defaultShipping, boolean defaultBilling) {

    static SavedAddress of(Address address) {
        return new SavedAddress(address.id, address.fullName, address.line1, address.line2, address.city,
                address.postalCode, address.country, address.phone, address.defaultShipping, address.defaultBilling);
    }

    /** The form for a new address: empty, with the country preselected. */
    static SavedAddress blank(String country) {
        return new SavedAddress(null, null, null, "", null, null, country, "", false, false);
    }
}
