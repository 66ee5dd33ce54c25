package shop.storefront.account.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import shop.storefront.account.CustomerContact;
import shop.storefront.account.Customers;
import shop.storefront.account.internal.domain.Address;
import shop.storefront.account.internal.domain.Customer;
import shop.storefront.platform.PostalAddress;

@ApplicationScoped
class CustomerDirectory implements Customers {

    @Override
    @Transactional
    public Optional<CustomerContact> contact(String customerId) {
        return Customer.findByPublicId(customerId).map(c -> new CustomerContact(c.publicId.toString(), c.email, c.fullName,
                c.cartReminders, Address.ofCustomer(c.id).stream().filter(a -> a.defaultShipping).findFirst()
                        .map(a -> new PostalAddress(a.fullName, a.line1, a.line2, a.city, a.postalCode, a.country, a.phone))));
    }
}
