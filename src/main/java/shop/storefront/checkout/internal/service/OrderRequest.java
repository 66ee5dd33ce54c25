package shop.storefront.checkout.internal.service;

import java.math.BigDecimal;

/**
 * A checkout submission. {@code delivery} is checked ({@link DeliveryForm#checked}), or null when the shopper has
 * not given it yet. {@code expectedTotal} is the total the shopper saw (null from API clients that did not ask for a
 * quote): a different total refuses the order instead of charging an amount nobody agreed to. {@code placedFrom} is
 * the client address's limit key, for the limit on unpaid orders per client.
 */
public record OrderRequest(DeliveryForm delivery, String shippingMethod, String paymentMethod, String paymentToken,
        BigDecimal expectedTotal, String idempotencyKey, String placedFrom) {
}
