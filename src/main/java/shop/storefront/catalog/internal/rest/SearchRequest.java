package shop.storefront.catalog.internal.rest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Body of POST /api/v1/search. The same filters as the query parameters, in JSON's naming (brands, perPage,
 * inStock, options); both go through one validation. Unknown fields are rejected, not ignored.
 */
public record SearchRequest(String q, List<String> brands, String price, Map<String, List<String>> options,
        Boolean inStock, String sort, Integer page, Integer perPage) {

    Map<String, List<String>> asParameters() {
        Map<String, List<String>> params = new HashMap<>();
        if (brands != null) {
            params.put("brand", brands);
        }
        put(params, "price", price);
        put(params, "in_stock", inStock);
        put(params, "sort", sort);
        put(params, "page", page);
        put(params, "per_page", perPage);
        if (options != null) {
            options.forEach((key, values) -> params.put(ListingParams.OPTION_PREFIX + key, values == null ? List.of() : values));
        }
        return params;
    }

    private static void put(Map<String, List<String>> params, String name, Object value) {
        if (value != null) {
            params.put(name, List.of(value.toString()));
        }
    }
}
