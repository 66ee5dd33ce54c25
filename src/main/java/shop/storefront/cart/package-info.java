/**
 * Shopping carts kept in Redis, for guests (by signed cookie) and signed-in customers, merged when a guest signs in;
 * the cart pages and JSON API, and reminders for carts left idle. It hands what is being bought to checkout through
 * checkout's {@link shop.storefront.checkout.Baskets} port. Public API types live in this package; everything else in
 * {@code internal}.
 */
@AllowedDependencies({"platform", "messaging", "web", "catalog", "account", "checkout"})
package shop.storefront.cart;

import shop.storefront.platform.AllowedDependencies;
