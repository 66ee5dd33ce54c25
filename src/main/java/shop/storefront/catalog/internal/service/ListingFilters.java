package shop.storefront.catalog.internal.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import shop.storefront.catalog.ListingQuery;

/**
 * The WHERE clause of a listing as named, parameterised conditions. Facet counts for a group are taken
 * with every condition except that group's own, so choosing one brand still shows the other brands' counts.
 */
final class ListingFilters {

    static final String BRAND = "brand";
    static final String PRICE = "price";
    static final String STOCK = "stock";
    static final String OPTION_PREFIX = "opt.";

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern WEBSEARCH_OPERATORS = Pattern.compile("\"|(^|\\s)-\\S|\\s(?i:or)\\s");

    private record Condition(String group, String sql) {
    }

    private final List<Condition> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();
    private final String tsQuery;

    ListingFilters(ListingQuery query, List<Long> categoryIds) {
        add(null, "p.status = 'active'");
        if (categoryIds != null) {
            add(null, "p.category_id IN (:categoryIds)");
            params.put("categoryIds", categoryIds);
        }
        tsQuery = query.isSearch() ? textQuery(query.text()) : null;
        if (tsQuery != null) {
            add(null, "p.search_vector @@ " + tsQuery);
        }
        if (!query.brands().isEmpty()) {
            add(BRAND, "p.brand IN (:brands)");
            params.put("brands", query.brands());
        }
        if (query.price() != null) {
            add(PRICE, query.price().max() == null ? "p.min_price_amount >= :priceMin"
                    : "p.min_price_amount >= :priceMin AND p.min_price_amount < :priceMax");
            params.put("priceMin", query.price().min());
            if (query.price().max() != null) {
                params.put("priceMax", query.price().max());
            }
        }
        if (query.inStockOnly()) {
            add(STOCK, "p.in_stock");
        }
        int i = 0;
        for (Map.Entry<String, SortedSet<String>> option : query.options().entrySet()) {
            add(OPTION_PREFIX + option.getKey(), "EXISTS (SELECT 1 FROM catalog.product_option fo WHERE fo.product_id = p.id"
                    + " AND fo.key = :optKey" + i + " AND fo.value IN (:optValues" + i + "))");
            params.put("optKey" + i, option.getKey());
            params.put("optValues" + i, option.getValue());
            i++;
        }
    }

    /** All conditions, or all but one group's when counting that group's facet. */
    String where(String exceptGroup) {
        return conditions.stream()
                .filter(c -> c.group() == null || !c.group().equals(exceptGroup))
                .map(Condition::sql)
                .collect(Collectors.joining(" AND ", " WHERE ", ""));
    }

    /** The parameters a statement uses: Hibernate rejects binding a name the SQL does not contain. */
    Map<String, Object> paramsFor(String sql) {
        Map<String, Object> used = new HashMap<>();
        params.forEach((name, value) -> {
            if (Pattern.compile(":" + name + "\\b").matcher(sql).find()) {
                used.put(name, value);
            }
        });
        return used;
    }

    /** The tsquery expression of a search, for ranking; null when the listing is not a search. */
    String tsQuery() {
        return tsQuery;
    }

    Set<String> optionGroups() {
        return conditions.stream().map(Condition::group)
                .filter(g -> g != null && g.startsWith(OPTION_PREFIX)).collect(Collectors.toSet());
    }

    /**
     * websearch_to_tsquery gives the syntax shoppers know (quotes, -exclude, or). Without such operators
     * the words also match as prefixes ("jack" finds jackets), built only from letters and digits.
     */
    private String textQuery(String text) {
        params.put("q", text);
        if (WEBSEARCH_OPERATORS.matcher(text).find()) {
            return "websearch_to_tsquery('english', :q)";
        }
        List<String> words = words(text);
        if (words.isEmpty()) {
            return "websearch_to_tsquery('english', :q)";
        }
        params.put("prefixQuery", words.stream().map(w -> w + ":*").collect(Collectors.joining(" & ")));
        return "(websearch_to_tsquery('english', :q) || to_tsquery('english', :prefixQuery))";
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase());
        while (m.find() && words.size() < 8) {
            words.add(m.group());
        }
        return words;
    }

    private void add(String group, String sql) {
        conditions.add(new Condition(group, sql));
    }
}
