package shop.storefront.catalog.internal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import shop.storefront.catalog.ListingPage;
import shop.storefront.catalog.ListingPage.FacetGroup;
import shop.storefront.catalog.ListingQuery;
import shop.storefront.catalog.ListingQuery.PriceRange;
import shop.storefront.catalog.internal.rest.ListingParams;

/**
 * The filters a listing is narrowed by, each with a link to the same listing without it, and a link without any.
 * The links keep the search text, sort and page size and go back to the first page, since the old page number
 * means nothing once the results change. Labels are the facets' own, so a chip reads like the box that set it.
 */
final class ActiveFilters {

    private final ListingPage page;
    private final ListingQuery query;
    private final String basePath;
    private final ListingParams params;

    ActiveFilters(ListingPage page, ListingQuery query, String basePath, ListingParams params) {
        this.page = page;
        this.query = query;
        this.basePath = basePath;
        this.params = params;
    }

    /** In the order of the facets in the form: brand, price, options, availability. */
    List<ListingView.FilterChip> chips() {
        List<ListingView.FilterChip> chips = new ArrayList<>();
        for (String brand : query.brands()) {
            SortedSet<String> others = new TreeSet<>(query.brands());
            others.remove(brand);
            chips.add(chip("brand", "Brand", brand, brand,
                    narrowedBy(others, query.price(), query.options(), query.inStockOnly())));
        }
        if (query.price() != null) {
            chips.add(chip("price", "Price", query.price().param(), priceLabel(query.price()),
                    narrowedBy(query.brands(), null, query.options(), query.inStockOnly())));
        }
        query.options().forEach((key, values) -> values.forEach(value -> chips.add(chip(
                ListingParams.OPTION_PREFIX + key, capitalize(key), value, value,
                narrowedBy(query.brands(), query.price(), withoutOption(key, value), query.inStockOnly())))));
        if (query.inStockOnly()) {
            chips.add(chip("in_stock", "Availability", "true", "In stock",
                    narrowedBy(query.brands(), query.price(), query.options(), false)));
        }
        return chips;
    }

    /** The same listing without any filter. */
    String clearAllHref() {
        return href(narrowedBy(new TreeSet<>(), null, new TreeMap<>(), false));
    }

    private ListingView.FilterChip chip(String param, String fallbackGroup, String value, String fallbackLabel,
            ListingQuery without) {
        FacetGroup facet = page.facets().stream().filter(f -> f.param().equals(param)).findFirst().orElse(null);
        String group = facet == null ? fallbackGroup : facet.label();
        String label = facet == null ? fallbackLabel : facet.values().stream().filter(v -> v.value().equals(value))
                .map(ListingPage.FacetValue::label).findFirst().orElse(fallbackLabel);
        return new ListingView.FilterChip(group, label, href(without));
    }

    private ListingQuery narrowedBy(SortedSet<String> brands, PriceRange price,
            SortedMap<String, SortedSet<String>> options, boolean inStockOnly) {
        return new ListingQuery(query.categorySlug(), query.text(), brands, price, options, inStockOnly, query.sort(),
                1, query.size());
    }

    private SortedMap<String, SortedSet<String>> withoutOption(String key, String value) {
        SortedMap<String, SortedSet<String>> options = new TreeMap<>(query.options());
        SortedSet<String> values = new TreeSet<>(options.get(key));
        values.remove(value);
        if (values.isEmpty()) {
            options.remove(key);
        } else {
            options.put(key, values);
        }
        return options;
    }

    private String href(ListingQuery listing) {
        String queryString = params.queryString(listing, 1);
        return queryString.isEmpty() ? basePath : basePath + "?" + queryString;
    }

    /** For a range typed into the URL rather than chosen from the price facet's bands. */
    private static String priceLabel(PriceRange range) {
        if (range.max() == null) {
            return "From " + range.min().toPlainString();
        }
        if (range.min().signum() == 0) {
            return "Under " + range.max().toPlainString();
        }
        return range.min().toPlainString() + " – " + range.max().toPlainString();
    }

    private static String capitalize(String key) {
        return Character.toUpperCase(key.charAt(0)) + key.substring(1);
    }
}
