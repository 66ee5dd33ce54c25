/**
 * Shared web layer: the one mapping from domain refusals to statuses, problem+json bodies and error pages; cookie
 * signing, CSRF, client addresses behind trusted proxies, redirects, request limits and security headers. Modules'
 * pages and APIs use the types in this package; everything else is in {@code internal}.
 */
@AllowedDependencies({"platform"})
package shop.storefront.web;

import shop.storefront.platform.AllowedDependencies;
