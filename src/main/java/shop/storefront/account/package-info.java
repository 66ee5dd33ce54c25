/**
 * Customer accounts, sign-in and address book, added in the accounts-and-cart issue.
 * Public API types live in this package; everything else in {@code internal}.
 */
package shop.storefront.account;
