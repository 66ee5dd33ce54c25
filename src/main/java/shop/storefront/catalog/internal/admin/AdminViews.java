package shop.storefront.catalog.internal.admin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import shop.storefront.platform.Money;

/** What the back office's product pages show: plain records, never entities. */
public final class AdminViews {

    private static final DateTimeFormatter UTC_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private AdminViews() {
    }

    static String utc(Instant at) {
        return UTC_MINUTES.format(at);
    }

    /** A category to choose, indented by its depth in the tree. */
    public record CategoryChoice(String slug, String label) {
    }

    /** One row of the product list. */
    public record ProductRow(long id, String name, String slug, String status, String category, Money minPrice,
            Money maxPrice, long totalStock, int skus, Instant updatedAt) {

        /** "€10.00", "€10.00 – €25.00", or "no SKU yet". */
        public String priceRange() {
            if (minPrice == null) {
                return "no SKU yet";
            }
            return minPrice.equals(maxPrice) ? minPrice.display() : minPrice.display() + " – " + maxPrice.display();
        }

        public String updated() {
            return utc(updatedAt);
        }
    }

    /** A page of the product list. */
    public record ProductList(List<ProductRow> rows, ProductFilter filter, long total, int pages) {

        public boolean hasPrevious() {
            return filter.page() > 1;
        }

        public boolean hasNext() {
            return filter.page() < pages;
        }

        public String previousLink() {
            return filter.link(filter.page() - 1);
        }

        public String nextLink() {
            return filter.link(filter.page() + 1);
        }
    }

    /** One stock change as the trail shows it. */
    public record AdjustmentRow(Instant at, int delta, String reason, String note, int stockAfter, String actor) {

        public String change() {
            return StockAdjustments.signed(delta);
        }

        public String when() {
            return utc(at);
        }
    }

    /** A SKU on the product editor, with its latest stock changes. */
    public record VariantRow(long id, String sku, String options, Money price, Money compareAt, int weightGrams,
            int stockOnHand, boolean low, List<AdjustmentRow> history) {
    }

    /** The product editor's data: the product's form values and its SKUs. */
    public record ProductEditorData(long id, String name, String slug, String status, Map<String, String> values,
            List<VariantRow> variants) {

        public boolean inShop() {
            return "active".equals(status);
        }

        public boolean archived() {
            return "archived".equals(status);
        }
    }

    /** A SKU's own edit page. */
    public record VariantEditorData(long productId, String productName, long id, String sku, Map<String, String> values) {
    }
}
