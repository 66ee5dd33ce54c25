package shop.storefront.account.internal.web;

import java.util.HashMap;
import java.util.Map;
import shop.storefront.account.internal.domain.Address;
import shop.storefront.platform.FieldText;

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

    /** The address form's field values by name, never null, cut so a huge post is not shown back whole. */
    Map<String, String> fields() {
        Map<String, String> fields = new HashMap<>();
        fields.put("fullName", FieldText.echo(fullName, 200));
        fields.put("line1", FieldText.echo(line1, 200));
        fields.put("line2", FieldText.echo(line2, 200));
        fields.put("city", FieldText.echo(city, 100));
        fields.put("postalCode", FieldText.echo(postalCode, 20));
        fields.put("country", FieldText.echo(country, 2));
        fields.put("phone", FieldText.echo(phone, 40));
        return fields;
    }

    /** The form for a new address: empty, with the country preselected. */
    static SavedAddress blank(String country) {
        return new SavedAddress(null, null, null, "", null, null, country, "", false, false);
    }
}
