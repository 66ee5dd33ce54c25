package shop.storefront.account.internal.web;

import shop.storefront.account.internal.domain.Customer;

/** What the account page shows of the customer: who is signed in and the profile they can change. */
public record AccountOverview(String email, String fullName, boolean cartReminders) {

    static AccountOverview of(Customer customer) {
        return new AccountOverview(customer.email, customer.fullName, customer.cartReminders);
    }
}
