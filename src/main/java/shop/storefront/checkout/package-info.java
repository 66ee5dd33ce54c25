/**
 * Checkout, orders and the asynchronous order pipeline, added in the checkout issue.
 * Public API types live in this package; everything else in {@code internal}.
 */
package shop.storefront.checkout;
