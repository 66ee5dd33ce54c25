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
    /** Leaves out every facet filter, keeping category and search text. */
    static final String ANY_FACET = "*";

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** Shorter joined text is no trigram-indexable substring and matches too much to mean anything. */
    private static final int MIN_COMPACT_LENGTH = 4;
    private static final Pattern WEBSEARCH_OPERATORS = Pattern.compile("\"|(^|\\s)-\\S|\\s(?i:or)\\s");

    private record Condition(String group, String sql) {
    }

    private final List<Condition> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();
    private final String relevance;

    /** Full-text search as the shopper typed it. */
    ListingFilters(ListingQuery query, List<Long> categoryIds) {
        this(query, categoryIds, null);
    }

    /**
     * With {@code correctedWords}, the typo-tolerant search: the spelling-corrected words as full-text prefixes,
     * or those words joined ("tshirt") inside the name and brand without spaces or hyphens, those first.
     */
    ListingFilters(ListingQuery query, List<Long> categoryIds, List<String> correctedWords) {
        add(null, "p.status = 'active'");
        if (categoryIds != null) {
            add(null, "p.category_id IN (:categoryIds)");
            params.put("categoryIds", categoryIds);
        }
        if (!query.isSearch()) {
            relevance = "p.id";
        } else if (correctedWords == null) {
            String tsQuery = textQuery(query.text());
            add(null, "p.search_vector @@ " + tsQuery);
            relevance = "ts_rank_cd(p.search_vector, " + tsQuery + ") DESC, p.id";
        } else {
            String tsQuery = "to_tsquery('english', :fuzzyQuery)";
            params.put("fuzzyQuery", prefixQuery(correctedWords));
            // Corrected, so that a joined word with a typo ("tshirts") is matched as its catalog spelling.
            String compact = String.join("", correctedWords);
            if (compact.length() >= MIN_COMPACT_LENGTH) {
                params.put("compactPattern", "%" + compact + "%");
                params.put("compact", compact);
                // LIKE finds the joined words exactly; trigram word similarity (pg_trgm's default threshold)
                // also finds them with a letter more or less ("sleepingbags"). As one OR the planner
                // underrates the per-row trigram cost and scans the table; apart, each part uses its index.
                add(null, "p.id IN (SELECT f.id FROM catalog.product f WHERE f.search_vector @@ " + tsQuery
                        + " UNION ALL SELECT f.id FROM catalog.product f"
                        + " WHERE f.search_compact LIKE :compactPattern OR :compact <% f.search_compact)");
                relevance = "(p.search_compact LIKE :compactPattern) DESC, ts_rank_cd(p.search_vector, " + tsQuery + ") DESC,"
                        + " word_similarity(:compact, p.search_compact) DESC, p.id";
            } else {
                add(null, "p.search_vector @@ " + tsQuery);
                relevance = "ts_rank_cd(p.search_vector, " + tsQuery + ") DESC, p.id";
            }
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
                .filter(c -> c.group() == null || !(c.group().equals(exceptGroup) || ANY_FACET.equals(exceptGroup)))
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

    /** The ORDER BY of a search by relevance: the best text matches first. */
    String relevance() {
        return relevance;
    }

    /** Whether any facet filter (brand, price, stock, option) narrows the listing. */
    boolean hasFacetFilters() {
        return conditions.stream().anyMatch(c -> c.group() != null);
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
        params.put("prefixQuery", prefixQuery(words));
        return "(websearch_to_tsquery('english', :q) || to_tsquery('english', :prefixQuery))";
    }

    /** Words are letters and digits only, so they are safe as to_tsquery operands. */
    private static String prefixQuery(List<String> words) {
        return words.stream().map(w -> w + ":*").collect(Collectors.joining(" & "));
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
