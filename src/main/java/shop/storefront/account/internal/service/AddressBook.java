package shop.storefront.account.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import shop.storefront.account.AccountException;
import shop.storefront.account.internal.domain.Address;
import shop.storefront.platform.Countries;

/** A customer's addresses: at most one default for shipping and one for billing. */
@ApplicationScoped
public class AddressBook {

    static final int MAX_ADDRESSES = 20;

    private final Countries countries;

    AddressBook(Countries countries) {
        this.countries = countries;
    }

    /** What a person typed into the address form, unchecked. */
    public record Form(String fullName, String line1, String line2, String city, String postalCode, String country,
            String phone, boolean defaultShipping, boolean defaultBilling) {
    }

    @Transactional
    public List<Address> list(long customerId) {
        return Address.ofCustomer(customerId);
    }

    @Transactional
    public Address find(long customerId, long id) {
        return Address.ofCustomer(customerId, id)
                .orElseThrow(() -> new AccountException(404, null, "That address is not in your address book."));
    }

    @Transactional
    public Address add(long customerId, Form form) {
        if (Address.count("customerId", customerId) >= MAX_ADDRESSES) {
            throw new AccountException(409, null, "Your address book is full (" + MAX_ADDRESSES + " addresses). Delete one first.");
        }
        Address address = new Address();
        address.customerId = customerId;
        apply(address, form);
        address.persist();
        return address;
    }

    @Transactional
    public void update(long customerId, long id, Form form) {
        apply(find(customerId, id), form);
    }

    @Transactional
    public void delete(long customerId, long id) {
        find(customerId, id).delete();
    }

    private void apply(Address address, Form form) {
        address.fullName = required("fullName", "Full name", form.fullName(), 200);
        address.line1 = required("line1", "Address", form.line1(), 200);
        address.line2 = optional("line2", form.line2(), 200);
        address.city = required("city", "Town or city", form.city(), 100);
        address.postalCode = required("postalCode", "Postcode", form.postalCode(), 20);
        address.country = countries.deliverable(form.country())
                .orElseThrow(() -> new AccountException(400, "country", "Choose a country we deliver to."));
        String phone = optional("phone", form.phone(), 40);
        if (!phone.matches("[0-9 +()./-]*")) {
            throw new AccountException(400, "phone", "Phone numbers can contain digits, spaces and + ( ) . / - only.");
        }
        address.phone = phone;
        // Only one default of each kind: clear the old one first (a unique index enforces it too).
        if (form.defaultShipping() && !address.defaultShipping) {
            Address.update("defaultShipping = false where customerId = ?1", address.customerId);
        }
        if (form.defaultBilling() && !address.defaultBilling) {
            Address.update("defaultBilling = false where customerId = ?1", address.customerId);
        }
        address.defaultShipping = form.defaultShipping();
        address.defaultBilling = form.defaultBilling();
    }

    private static String required(String field, String label, String value, int max) {
        String text = optional(field, value, max);
        if (text.isEmpty()) {
            throw new AccountException(400, field, label + " is required.");
        }
        return text;
    }

    private static String optional(String field, String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.length() > max || text.codePoints().anyMatch(Character::isISOControl)) {
            throw new AccountException(400, field, "This field can be at most " + max + " characters, without control characters.");
        }
        return text;
    }
}
