package shop.storefront.catalog.internal.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import shop.storefront.catalog.ListingPage;
import shop.storefront.catalog.ListingQuery;
import shop.storefront.catalog.internal.rest.ListingParams;

/** What a listing template needs beyond the data: links for sorting, paging and the current filters. */
public record ListingView(ListingPage page, ListingQuery query, String basePath, List<SortChoice> sorts,
        List<PageLink> pages, String previousHref, String nextHref, String canonicalPath) {

    public record SortChoice(String param, String label, boolean selected) {
    }

    /** A numbered page link; {@code href} is null for the gap marker "…". */
    public record PageLink(int number, String href, boolean current) {
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
        return new ListingView(page, query, basePath, sorts, links, prev, next, canonical);
    }


    private static String href(String basePath, String queryString) {
        return queryString.isEmpty() ? basePath : basePath + "?" + queryString;
    }
}
