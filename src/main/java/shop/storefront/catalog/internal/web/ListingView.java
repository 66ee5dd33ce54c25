package shop.storefront.catalog.internal.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import shop.storefront.catalog.ListingPage;
import shop.storefront.catalog.ListingQuery;
import shop.storefront.catalog.internal.rest.ListingParams;

/**
 * What a listing template needs beyond the data: links for sorting, paging and the current filters, and each active
 * filter as a chip that links to the listing without it.
 */
public record ListingView(ListingPage page, ListingQuery query, String basePath, List<SortChoice> sorts,
        List<PageLink> pages, String previousHref, String nextHref, String canonicalPath, List<FilterChip> chips,
        String clearFiltersHref) {

    public record SortChoice(String param, String label, boolean selected) {
    }

    /** A numbered page link; {@code href} is null for the gap marker "…". */
    public record PageLink(int number, String href, boolean current) {
    }

    /** An active filter: its facet's label ("Colour"), the value's ("Black") and the link that removes it. */
    public record FilterChip(String group, String label, String removeHref) {
    }

    public int activeFilters() {
        return chips.size();
    }

    static ListingView of(ListingPage page, ListingQuery query, String basePath, ListingParams params) {
        List<SortChoice> sorts = Arrays.stream(ListingQuery.Sort.values())
                .filter(s -> query.isSearch() || s != ListingQuery.Sort.RELEVANCE)
                .map(s -> new SortChoice(s.param, s.label, s == query.sort())).toList();
        List<PageLink> links = new ArrayList<>();
        int last = page.totalPages();
        int previous = 0;
        for (int n = 1; n <= last; n++) {
            if (n == 1 || n == last || Math.abs(n - page.page()) <= 2) {
                if (previous > 0 && n - previous > 1) {
                    links.add(new PageLink(0, null, false));
                }
                links.add(new PageLink(n, href(basePath, params.queryString(query, n)), n == page.page()));
                previous = n;
            }
        }
        String prev = page.hasPrevious() ? href(basePath, params.queryString(query, page.page() - 1)) : null;
        String next = page.hasNext() ? href(basePath, params.queryString(query, page.page() + 1)) : null;
        String canonical = page.page() > 1 && !query.isSearch() ? basePath + "?page=" + page.page() : basePath;
        ActiveFilters active = new ActiveFilters(page, query, basePath, params);
        return new ListingView(page, query, basePath, sorts, links, prev, next, canonical, active.chips(),
                active.clearAllHref());
    }

    private static String href(String basePath, String queryString) {
        return queryString.isEmpty() ? basePath : basePath + "?" + queryString;
    }
}
