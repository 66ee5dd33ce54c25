package shop.storefront.catalog;

import java.util.List;

/**
 * One page of a listing, the facet counts for refining it, and spelling suggestions: offered when a search was
 * matched typo-tolerantly, and only those that find products themselves.
 */
public record ListingPage(List<ProductSummary> items, int page, int size, long total, List<FacetGroup> facets,
        List<String> suggestions) {

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages();
    }

    /** A facet such as "Brand"; {@code param} is the query parameter that filters by it. */
    public record FacetGroup(String param, String label, List<FacetValue> values) {
    }

    /** One value of a facet with the number of products it would leave. */
    public record FacetValue(String value, String label, long count, boolean selected) {
    }
}
