package shop.storefront.checkout.internal.pricing;

import shop.storefront.platform.Money;

/** A delivery method priced for one basket and destination. */
public record ShippingOption(String id, String label, Money cost) {
}
