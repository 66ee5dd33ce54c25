/**
 * Customer accounts: sign-up, sign-in with its throttling, sessions, password reset, consent and the address book,
 * with the account pages. Other modules learn who is signed in and how to reach a customer through the types in this
 * package; everything else is in {@code internal}. Its back-office pages (customers) read a customer's orders through
 * the {@link shop.storefront.account.CustomerOrderHistory} port, which the orders module implements.
 */
@AllowedDependencies({"platform", "messaging", "web"})
package shop.storefront.account;

import shop.storefront.platform.AllowedDependencies;
