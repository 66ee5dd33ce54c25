package shop.storefront.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import shop.storefront.platform.Money;

/** Everything the product page and API show about one active product. */
public record ProductDetail(String slug, String name, String description, String brand, String categorySlug,
        List<CategoryView.Crumb> breadcrumb, List<Variant> variants, List<ProductSummary.Image> images,
        Instant createdAt, Instant updatedAt) {

    public String path() {
        return "/product/" + slug;
    }

    /** One SKU: its options (e.g. size → M), prices and stock. */
    public record Variant(String sku, Map<String, String> options, Money price, Money compareAtPrice, int stockOnHand, int weightGrams) {

        public boolean inStock() {
            return stockOnHand > 0;
        }

        /** "M / Red", or the SKU when the product has no options. */
        public String label() {
            return options.isEmpty() ? sku : String.join(" / ", options.values());
        }

        public boolean onSale() {
            return compareAtPrice != null && compareAtPrice.compareTo(price) > 0;
        }
    }
}
