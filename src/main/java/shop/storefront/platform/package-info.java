/**
 * Shared kernel: money, storefront-wide configuration, and the one copy of each rule for typed fields (e-mail
 * addresses, free text, phone numbers) that every module checks input with.
 */
package shop.storefront.platform;
