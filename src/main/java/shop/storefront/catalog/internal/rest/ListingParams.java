package shop.storefront.catalog.internal.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import shop.storefront.catalog.ListingQuery;
import shop.storefront.catalog.ListingQuery.Sort;
import shop.storefront.catalog.internal.CatalogConfig;
import shop.storefront.platform.InvalidInput;

/**
 * Reads listing parameters (the same names for pages and the API) into a validated {@link ListingQuery},
 * and writes a query back as a URL. Every rejection says which parameter was wrong and what would be right.
 * Parameters it does not know (utm_source, …) are ignored.
 */
@ApplicationScoped
public class ListingParams {

    public static final String OPTION_PREFIX = "opt.";
    static final int MAX_PAGE = 1000;
    static final int MAX_TEXT = 200;
    private static final int MAX_VALUES = 20;
    private static final Pattern PRICE = Pattern.compile("(\\d{1,6}(?:\\.\\d{1,2})?)?-(\\d{1,6}(?:\\.\\d{1,2})?)?");
    private static final Pattern OPTION_KEY = Pattern.compile("[a-z][a-z0-9_-]{0,29}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    private final CatalogConfig config;

    ListingParams(CatalogConfig config) {
        this.config = config;
    }

    /** @param text the search text, or null for a category or full listing */
    public ListingQuery parse(Map<String, List<String>> params, String categorySlug, String text) {
        Sort defaultSort = text == null ? Sort.NEWEST : Sort.RELEVANCE;
        String sortValue = single(params, "sort");
        Sort sort = sortValue == null ? defaultSort : Sort.fromParam(sortValue)
                .filter(s -> s != Sort.RELEVANCE || text != null)
                .orElseThrow(() -> new InvalidInput("sort", "Unknown sort order '" + sortValue + "'. Use one of: "
                        + sortChoices(text != null) + "."));
        return new ListingQuery(categorySlug, text, values(params, "brand", 120), price(single(params, "price")),
                options(params), flag(params, "in_stock"), sort,
                number(params, "page", 1, MAX_PAGE, 1), number(params, "per_page", 1, config.maxPageSize(),
                        config.pageSize()));
    }

    /** Search text: trimmed, null when blank; rejected when too long or containing control characters. */
    public String searchText(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        if (text.length() > MAX_TEXT) {
            throw new InvalidInput("q", "Search text can be at most " + MAX_TEXT + " characters long.");
        }
        rejectControlCharacters("q", text);
        return text;
    }

    /** The query as URL parameters, page and search text included (e.g. for pagination links). */
    public String queryString(ListingQuery query, int page) {
        List<String> parts = new ArrayList<>();
        if (query.text() != null) {
            parts.add(pair("q", query.text()));
        }
        query.brands().forEach(b -> parts.add(pair("brand", b)));
        if (query.price() != null) {
            parts.add(pair("price", query.price().param()));
        }
        query.options().forEach((key, values) -> values.forEach(v -> parts.add(pair(OPTION_PREFIX + key, v))));
        if (query.inStockOnly()) {
            parts.add("in_stock=true");
        }
        if (query.sort() != (query.isSearch() ? Sort.RELEVANCE : Sort.NEWEST)) {
            parts.add(pair("sort", query.sort().param));
        }
        if (query.size() != config.pageSize()) {
            parts.add("per_page=" + query.size());
        }
        if (page > 1) {
            parts.add("page=" + page);
        }
        return String.join("&", parts);
    }

    private static String sortChoices(boolean search) {
        return Arrays.stream(Sort.values()).filter(s -> search || s != Sort.RELEVANCE).map(s -> s.param)
                .collect(Collectors.joining(", "));
    }

    private static int number(Map<String, List<String>> params, String name, int min, int max, int fallback) {
        String value = single(params, name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // same answer as out of range
        }
        throw new InvalidInput(name, name + " must be a whole number from " + min + " to " + max + ".");
    }

    private static boolean flag(Map<String, List<String>> params, String name) {
        String value = single(params, name);
        if (value == null || value.equals("false") || value.equals("0")) {
            return false;
        }
        if (value.equals("true") || value.equals("1") || value.equals("on")) {
            return true;
        }
        throw new InvalidInput(name, name + " must be true or false.");
    }

    private static ListingQuery.PriceRange price(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = PRICE.matcher(value.strip());
        if (!m.matches() || (m.group(1) == null && m.group(2) == null)) {
            throw new InvalidInput("price", "price must be a range such as 25-50, 100- or -20.");
        }
        BigDecimal min = m.group(1) == null ? BigDecimal.ZERO : new BigDecimal(m.group(1));
        BigDecimal max = m.group(2) == null ? null : new BigDecimal(m.group(2));
        if (max != null && max.compareTo(min) <= 0) {
            throw new InvalidInput("price", "The upper end of the price range must be above the lower end.");
        }
        return new ListingQuery.PriceRange(normal(min), max == null ? null : normal(max));
    }

    /** 25.00 and 25 are the same bound; one spelling keeps cache keys and selected facets consistent. */
    private static BigDecimal normal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static SortedMap<String, SortedSet<String>> options(Map<String, List<String>> params) {
        SortedMap<String, SortedSet<String>> options = new TreeMap<>();
        for (String name : params.keySet()) {
            if (!name.startsWith(OPTION_PREFIX)) {
                continue;
            }
            String key = name.substring(OPTION_PREFIX.length());
            if (!OPTION_KEY.matcher(key).matches()) {
                throw new InvalidInput(name, "Unknown option filter '" + name + "'.");
            }
            SortedSet<String> values = values(params, name, 60);
            if (!values.isEmpty()) {
                options.put(key, values);
            }
        }
        if (options.size() > 5) {
            throw new InvalidInput(null, "At most 5 option filters can be combined.");
        }
        return Collections.unmodifiableSortedMap(options);
    }

    private static SortedSet<String> values(Map<String, List<String>> params, String name, int maxLength) {
        List<String> raw = params.getOrDefault(name, List.of());
        SortedSet<String> values = new TreeSet<>();
        for (String value : raw) {
            if (value == null || value.isBlank()) {
                continue;
            }
            String v = value.strip();
            if (v.length() > maxLength) {
                throw new InvalidInput(name, name + " values can be at most " + maxLength + " characters long.");
            }
            rejectControlCharacters(name, v);
            values.add(v);
        }
        if (values.size() > MAX_VALUES) {
            throw new InvalidInput(name, "At most " + MAX_VALUES + " " + name + " values can be combined.");
        }
        return Collections.unmodifiableSortedSet(values);
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty() || values.getFirst() == null || values.getFirst().isBlank()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidInput(name, name + " can be given only once.");
        }
        rejectControlCharacters(name, values.getFirst());
        return values.getFirst();
    }

    private static void rejectControlCharacters(String name, String value) {
        if (CONTROL.matcher(value).find()) {
            throw new InvalidInput(name, name + " contains characters that are not allowed.");
        }
    }

    private static String pair(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
