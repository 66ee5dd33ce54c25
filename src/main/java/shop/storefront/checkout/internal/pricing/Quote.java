package shop.storefront.checkout.internal.pricing;

import java.math.BigDecimal;
import java.util.List;
import shop.storefront.platform.Money;

/**
 * What an order costs, computed on the server from catalog prices: exactly what the review page shows and
 * what is charged. {@code vat} is contained in {@code total} either way; with {@code pricesIncludeVat} false it
 * was added on top of the goods and shipping.
 */
public record Quote(List<Line> lines, Money goods, ShippingOption shipping, String country, BigDecimal vatRate,
        boolean pricesIncludeVat, Money vat, Money total, int weightGrams) {

    public int itemCount() {
        return lines.stream().mapToInt(Line::quantity).sum();
    }

    public record Line(String sku, String productSlug, String productName, String label, Money unitPrice, int quantity,
            Money lineTotal) {
    }
}
