/**
 * Checkout and orders: pricing (shipping, VAT), payment providers, idempotent order placement that reserves
 * stock atomically, order pages, and the background handlers of the order pipeline. Its API: the
 * {@link shop.storefront.checkout.OrderPlaced} event and the {@link shop.storefront.checkout.Baskets} port
 * through which the cart module hands over what is being bought. Its back-office part (orders, the "Today" figures)
 * records staff actions in the back office's audit trail.
 */
@AllowedDependencies({"platform", "messaging", "web", "catalog", "account", "backoffice"})
package shop.storefront.checkout;

import shop.storefront.platform.AllowedDependencies;
