package shop.storefront.account.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import shop.storefront.account.internal.domain.Address;
import shop.storefront.platform.Countries;
import shop.storefront.platform.NotFound;
import shop.storefront.platform.PostalAddress;
import shop.storefront.platform.Refused;

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
                .orElseThrow(() -> new NotFound("That address is not in your address book."));
    }

    @Transactional
    public Address add(long customerId, Form form) {
        if (Address.count("customerId", customerId) >= MAX_ADDRESSES) {
            throw new Refused("Your address book is full (" + MAX_ADDRESSES + " addresses). Delete one first.");
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
        PostalAddress checked = checked(form);
        address.fullName = checked.fullName();
        address.line1 = checked.line1();
        address.line2 = checked.line2();
        address.city = checked.city();
        address.postalCode = checked.postalCode();
        address.country = checked.country();
        address.phone = checked.phone();
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

    private PostalAddress checked(Form form) {
        return PostalAddress.of(form.fullName(), form.line1(), form.line2(), form.city(), form.postalCode(), form.country(),
                form.phone(), countries);
    }
}
