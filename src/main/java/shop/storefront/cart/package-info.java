/**
 * Shopping carts kept in Redis (guest and signed-in), added in the accounts-and-cart issue.
 * Public API types live in this package; everything else in {@code internal}.
 */
package shop.storefront.cart;
