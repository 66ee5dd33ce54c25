/**
 * The back office's shared frame: the audit trail every staff action writes to, the dashboard that modules fill with
 * their figures, and the admin pages' layout. Modules own their own admin pages (products in catalog, orders in
 * checkout, customers in account) and use the types in this package; it depends on no business module, so each of
 * them may depend on it.
 */
@AllowedDependencies({"platform", "web", "messaging"})
package shop.storefront.backoffice;

import shop.storefront.platform.AllowedDependencies;
