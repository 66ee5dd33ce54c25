package shop.storefront.catalog;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * What a shopper asked a listing for: a category and/or search text, facet filters, sort and page.
 * Collections are sorted so that equal questions make equal cache keys.
 */
public record ListingQuery(String categorySlug, String text, SortedSet<String> brands, PriceRange price,
        SortedMap<String, SortedSet<String>> options, boolean inStockOnly, Sort sort, int page, int size) {

    public boolean isSearch() {
        return text != null;
    }

    public long offset() {
        return (long) (page - 1) * size;
    }

    /** Listing orders; {@code param} is the value used in URLs and the API. */
    public enum Sort {
        RELEVANCE("relevance", "Best match"),
        NEWEST("newest", "Newest"),
        PRICE_ASC("price-asc", "Price: low to high"),
        PRICE_DESC("price-desc", "Price: high to low"),
        NAME("name", "Name");

        public final String param;
        public final String label;

        Sort(String param, String label) {
            this.param = param;
            this.label = label;
        }

        public static Optional<Sort> fromParam(String value) {
            return Arrays.stream(values()).filter(s -> s.param.equals(value)).findFirst();
        }
    }

    /** Prices from {@code min} (inclusive) up to {@code max} (exclusive, null = no upper bound). */
    public record PriceRange(BigDecimal min, BigDecimal max) {

        public String param() {
            return min.toPlainString() + "-" + (max == null ? "" : max.toPlainString());
        }
    }
}
