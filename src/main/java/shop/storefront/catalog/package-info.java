/**
 * Catalog: categories, products and their SKUs, stock, search and listings, with the catalog's pages, JSON API and
 * its cache. Other modules use only the types in this package (product views, the {@link shop.storefront.catalog.Catalog}
 * and {@link shop.storefront.catalog.Inventory} services); everything else is in {@code internal}. Its back-office pages
 * (products, SKUs, stock) write the back office's audit trail and add a low-stock section to its dashboard.
 */
@AllowedDependencies({"platform", "messaging", "web", "backoffice"})
package shop.storefront.catalog;

import shop.storefront.platform.AllowedDependencies;
