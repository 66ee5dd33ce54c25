package shop.storefront.catalog.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import shop.storefront.catalog.ListingQuery;
import shop.storefront.catalog.ListingQuery.Sort;
import shop.storefront.catalog.internal.CatalogConfig;
import shop.storefront.platform.ConfigStub;
import shop.storefront.platform.InvalidInput;

/**
 * Listing parameters: every refusal names the parameter that was wrong, good values come out parsed and in one
 * spelling, and a query written back as URL parameters reads back as the same query. Pages of 24 by default,
 * at most 96.
 */
class ListingParamsTest {

    private static final int PAGE_SIZE = 24;
    private static final int MAX_PAGE_SIZE = 96;

    private final ListingParams params = new ListingParams(
            ConfigStub.of(CatalogConfig.class, Map.of("pageSize", PAGE_SIZE, "maxPageSize", MAX_PAGE_SIZE)));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "sort=cheapest                 | sort",
            "sort=relevance                | sort", // relevance needs search text
            "sort=newest&sort=name         | sort",
            "page=0                        | page",
            "page=1001                     | page",
            "page=two                      | page",
            "page=1.5                      | page",
            "page=1&page=2                 | page",
            "per_page=0                    | per_page",
            "per_page=97                   | per_page",
            "per_page=-1                   | per_page",
            "in_stock=yes                  | in_stock",
            "in_stock=2                    | in_stock",
            "price=cheap                   | price",
            "price=-                       | price",
            "price=25                      | price",
            "price=50-25                   | price",
            "price=25-25                   | price", // an empty range
            "price=1234567-                | price", // at most six digits before the point
            "price=1.999-                  | price", // at most cents
            "price=25-50&price=50-100      | price",
            "opt.Colour=red                | opt.Colour",
            "opt.=red                      | opt.",
            "opt.1size=M                   | opt.1size",
            "opt.colour=%s                 | opt.colour", // 61 characters, one over
            "brand=%s                      | brand"})
    void aRefusalNamesTheParameter(String query, String parameter) {
        String filled = query.replace("opt.colour=%s", "opt.colour=" + "x".repeat(61)).replace("brand=%s", "brand=" + "x".repeat(121));

        assertThat(refusedParameter(() -> params.parse(parsed(filled), null, null))).isEqualTo(parameter);
    }

    static Stream<Arguments> controlCharacters() {
        return Stream.of(
                Arguments.of(Map.of("sort", List.of("new\u0000est")), "sort"),
                Arguments.of(Map.of("page", List.of("1\n")), "page"),
                Arguments.of(Map.of("brand", List.of("Acme\u0007")), "brand"),
                Arguments.of(Map.of("opt.colour", List.of("red\r\nX-Injected: 1")), "opt.colour"));
    }

    @ParameterizedTest
    @MethodSource("controlCharacters")
    void controlCharactersAreRefusedNamingTheParameter(Map<String, List<String>> query, String parameter) {
        assertThat(refusedParameter(() -> params.parse(query, null, null))).isEqualTo(parameter);
    }

    @Test
    void tooManyValuesOfOneParameterAreRefusedNamingIt() {
        List<String> brands = IntStream.rangeClosed(1, 21).mapToObj(i -> "Brand " + i).toList();

        assertThat(refusedParameter(() -> params.parse(Map.of("brand", brands), null, null))).isEqualTo("brand");
        assertThat(params.parse(Map.of("brand", brands.subList(0, 20)), null, null).brands()).hasSize(20);
    }

    /** The one refusal about the request as a whole: too many option filters together, none of them wrong alone. */
    @Test
    void moreThanFiveOptionFiltersAreRefusedForTheRequestAsAWhole() {
        Map<String, List<String>> five = new LinkedHashMap<>();
        for (String key : List.of("colour", "size", "fit", "material", "pattern")) {
            five.put("opt." + key, List.of("any"));
        }
        assertThat(params.parse(five, null, null).options()).hasSize(5);

        Map<String, List<String>> six = new LinkedHashMap<>(five);
        six.put("opt.sleeve", List.of("long"));
        assertThat(refusedParameter(() -> params.parse(six, null, null))).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {ListingParams.MAX_TEXT + 1, 10_000})
    void searchTextOverTheLimitIsRefusedAsQ(int length) {
        assertThat(refusedParameter(() -> params.searchText("a".repeat(length)))).isEqualTo("q");
    }

    @Test
    void searchTextWithControlCharactersIsRefusedAsQ() {
        assertThat(refusedParameter(() -> params.searchText("lamp\u0000"))).isEqualTo("q");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t"})
    void blankSearchTextIsNoSearch(String text) {
        assertThat(params.searchText(text)).isNull();
    }

    @Test
    void searchTextIsTrimmedAndMayFillTheLimit() {
        assertThat(params.searchText("  desk lamp \t")).isEqualTo("desk lamp");
        String longest = "a".repeat(ListingParams.MAX_TEXT);
        assertThat(params.searchText(" " + longest + " ")).isEqualTo(longest);
    }

    @Test
    void nothingGivenIsTheFirstPageOfTheNewestInStockOrNot() {
        ListingQuery query = params.parse(Map.of("utm_source", List.of("newsletter")), "lamps", null);

        assertThat(query).isEqualTo(new ListingQuery("lamps", null, new TreeSet<>(), null, new TreeMap<>(),
                false, Sort.NEWEST, 1, PAGE_SIZE));
    }

    @Test
    void aSearchIsSortedByRelevanceUnlessAskedOtherwise() {
        assertThat(params.parse(Map.of(), null, "lamp").sort()).isEqualTo(Sort.RELEVANCE);
        assertThat(params.parse(parsed("sort=relevance"), null, "lamp").sort()).isEqualTo(Sort.RELEVANCE);
        assertThat(params.parse(parsed("sort=price-desc"), null, "lamp").sort()).isEqualTo(Sort.PRICE_DESC);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // query                                | sort       | page | size | in stock
            "sort=price-asc                         | PRICE_ASC  | 1    | 24   | false",
            "sort=name&page=3&per_page=96           | NAME       | 3    | 96   | false",
            "page=1000&per_page=1                   | NEWEST     | 1000 | 1    | false",
            "page=%2007%20&in_stock=true            | NEWEST     | 7    | 24   | true",
            "in_stock=1                             | NEWEST     | 1    | 24   | true",
            "in_stock=on                            | NEWEST     | 1    | 24   | true",
            "in_stock=false                         | NEWEST     | 1    | 24   | false",
            "in_stock=0                             | NEWEST     | 1    | 24   | false",
            "in_stock=                              | NEWEST     | 1    | 24   | false"})
    void sortPagingAndStockAreParsed(String query, Sort sort, int page, int size, boolean inStockOnly) {
        ListingQuery parsed = params.parse(parsed(query), null, null);

        assertThat(parsed.sort()).isEqualTo(sort);
        assertThat(parsed.page()).isEqualTo(page);
        assertThat(parsed.size()).isEqualTo(size);
        assertThat(parsed.inStockOnly()).isEqualTo(inStockOnly);
    }

    /** One spelling per bound (25.00 is 25), so equal ranges make equal cache keys; no upper end is null. */
    @ParameterizedTest(name = "{0} → {1}..{2}")
    @CsvSource({
            "25-50,        25,   50",
            "25.00-50.50,  25,   50.5",
            "100-,         100,  ",
            "-20,          0,    20",
            "%2010-20%20,  10,   20",
            "0.01-999999.99, 0.01, 999999.99"})
    void priceRangesAreParsedInOneSpelling(String value, String min, String max) {
        ListingQuery.PriceRange range = params.parse(parsed("price=" + value), null, null).price();

        assertThat(range.min()).isEqualTo(new BigDecimal(min));
        assertThat(range.max()).isEqualTo(max == null ? null : new BigDecimal(max));
    }

    @Test
    void brandAndOptionValuesAreTrimmedSortedAndDeduplicated() {
        ListingQuery query = params.parse(parsed("brand=%20Zeta&brand=Acme&brand=Acme%20&brand=&opt.colour=red&opt.colour=blue"
                + "&opt.size=%20&opt.size-eu=42"), null, null);

        assertThat(query.brands()).containsExactly("Acme", "Zeta");
        assertThat(query.options()).containsOnlyKeys("colour", "size-eu");
        assertThat(query.options().get("colour")).containsExactly("blue", "red");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "brand=Acme&brand=B%26B&price=25-50&opt.colour=red&opt.colour=dark%20blue&in_stock=true&sort=price-desc&per_page=48",
            "price=100-&sort=name",
            "opt.size=M",
            "per_page=24&sort=newest"})
    void aQueryWrittenBackAsParametersReadsBackTheSame(String given) {
        ListingQuery query = params.parse(parsed(given), "lamps", null);

        String written = params.queryString(query, 2);

        assertThat(params.parse(parsed(written), "lamps", null)).isEqualTo(new ListingQuery(query.categorySlug(), null,
                query.brands(), query.price(), query.options(), query.inStockOnly(), query.sort(), 2, query.size()));
    }

    @Test
    void defaultsAndTheFirstPageAreLeftOutOfTheWrittenQuery() {
        assertThat(params.queryString(params.parse(parsed("sort=newest&per_page=24&page=1"), null, null), 1)).isEmpty();
        assertThat(params.queryString(params.parse(Map.of(), null, "desk lamp"), 1)).isEqualTo("q=desk+lamp");
        assertThat(params.queryString(params.parse(parsed("sort=newest"), null, "lamp"), 3)).isEqualTo("q=lamp&sort=newest&page=3");
    }

    /** The parameter a refused listing request names (null for the request as a whole); fails when nothing was refused. */
    private static String refusedParameter(ThrowingCallable call) {
        InvalidInput refusal = catchThrowableOfType(InvalidInput.class, call);
        assertThat(refusal).as("refused").isNotNull();
        assertThat(refusal.getMessage()).as("says what would be right").isNotBlank();
        return refusal.field();
    }

    /** A URL query string as the REST layer hands it over: names to values, in order, decoded. */
    private static Map<String, List<String>> parsed(String query) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return values;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return values.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                LinkedHashMap::new));
    }
}
