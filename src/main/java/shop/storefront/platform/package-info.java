/**
 * Shared kernel: money, countries, the storefront-wide settings, the family of domain refusals, and the one copy of
 * each rule for typed fields (e-mail addresses, free text, phone numbers) that every module checks input with. It uses
 * no other module, so every module may use it.
 */
@AllowedDependencies({})
package shop.storefront.platform;
