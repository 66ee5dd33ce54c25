/** Shared kernel: money and storefront-wide configuration. */
package shop.storefront.platform;
