package shop.storefront.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import shop.storefront.platform.Money;

/**
 * Everything the product page and API show about one active product. {@code metaTitle} and {@code metaDescription}
 * are what staff chose for search engines, null when they chose nothing.
 */
public record ProductDetail(String slug, String name, String description, String brand, String categorySlug,
        List<CategoryView.Crumb> breadcrumb, List<Variant> variants, List<ProductSummary.Image> images,
        Instant createdAt, Instant updatedAt, String metaTitle, String metaDescription) {

    public String path() {
        return "/product/" + slug;
    }

    /** The page's title: the one staff chose, otherwise name and brand. */
    public String pageTitle() {
        return metaTitle != null ? metaTitle : name + " by " + brand;
    }

    /** The page's description for search engines: the one staff chose, otherwise the product's description. */
    public String pageDescription() {
        return metaDescription != null ? metaDescription : description;
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
