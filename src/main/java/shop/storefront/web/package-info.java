/** Shared web layer: error handling, problem details, layout and security headers. */
package shop.storefront.web;
