package shop.storefront.cart;

import java.util.List;
import shop.storefront.catalog.ProductSummary;
import shop.storefront.platform.Money;

/**
 * A cart as priced right now. {@code notices} tell the shopper what changed since they last looked
 * (price changes, items sold out or reduced); each is shown once.
 */
public record CartView(List<Line> lines, Money subtotal, int itemCount, List<String> notices) {

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** One SKU in the cart; {@code previousPrice} is set when the price changed since the shopper saw it. */
    public record Line(String sku, String productSlug, String productName, String label, ProductSummary.Image image,
            Money unitPrice, Money previousPrice, int quantity, int stockOnHand, Money lineTotal) {

        public String productPath() {
            return "/product/" + productSlug;
        }
    }
}
