package shop.storefront.catalog.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import shop.storefront.catalog.ListingPage;
import shop.storefront.catalog.ListingPage.FacetGroup;
import shop.storefront.catalog.ListingPage.FacetValue;
import shop.storefront.catalog.ListingQuery;
import shop.storefront.catalog.PriceDisplay;
import shop.storefront.catalog.ProductDetail;
import shop.storefront.catalog.ProductSummary;
import shop.storefront.catalog.SkuView;
import shop.storefront.catalog.internal.images.ImageUrls;
import shop.storefront.platform.Money;
import shop.storefront.platform.StorefrontConfig;

/** Listing, search and facet queries, straight SQL over the catalog schema with bound parameters only. */
@ApplicationScoped
public class ProductListings {

    /** Price facet bands: lower bounds; each band ends where the next starts. */
    static final List<BigDecimal> PRICE_BANDS = List.of(new BigDecimal("0"), new BigDecimal("25"),
            new BigDecimal("50"), new BigDecimal("100"), new BigDecimal("250"));
    private static final List<String> SIZE_ORDER = List.of("XXS", "XS", "S", "M", "L", "XL", "XXL");
    /** Product cards with their first picture. */
    private static final String SUMMARY_COLUMNS = summaryColumns("");
    /** Product cards showing a picture of a colour filtered for ({@code :cardColours}, lower case) if they have one. */
    private static final String SUMMARY_COLUMNS_BY_COLOUR = summaryColumns("(lower(i.colour) IN (:cardColours)) IS TRUE DESC, ");

    private static String summaryColumns(String imagePreference) {
        return "SELECT " + ListingRows.Summary.COLUMNS + "\n  FROM catalog.product p\n  LEFT JOIN LATERAL ("
                + ListingRows.IMAGE + " ORDER BY " + imagePreference + "i.position, i.id LIMIT 1) img ON true";
    }

    private final EntityManager primary;
    private final ReplicaReads replica;
    private final ImageUrls images;
    private final String currency;

    ProductListings(EntityManager primary, ReplicaReads replica, ImageUrls images, StorefrontConfig config) {
        this.primary = primary;
        this.replica = replica;
        this.images = images;
        this.currency = config.currency();
    }

    /**
     * A search that full text finds nothing for, even before facet filters, is taken for a typo: it is run again
     * typo-tolerant ({@link #correctedWords}), and the correction is suggested when it finds something itself.
     */
    public ListingPage find(ListingQuery query, List<Long> categoryIds) {
        ListingFilters filters = new ListingFilters(query, categoryIds);
        long total = count(filters, null);
        List<String> suggestions = List.of();
        if (total == 0 && query.isSearch() && (!filters.hasFacetFilters() || count(filters, ListingFilters.ANY_FACET) == 0)) {
            List<String> typed = ListingFilters.words(query.text());
            List<String> corrected = correctedWords(typed);
            filters = new ListingFilters(query, categoryIds, corrected);
            total = count(filters, null);
            suggestions = !corrected.equals(typed) && foundByFullText(String.join(" ", corrected), query, categoryIds)
                    ? List.of(String.join(" ", corrected)) : List.of();
        }
        List<ProductSummary> items = total <= query.offset() ? List.of() : items(query, filters);
        List<FacetGroup> facets = new ArrayList<>();
        facets.add(brandFacet(query, filters));
        facets.add(priceFacet(query, filters));
        facets.addAll(optionFacets(query, filters));
        facets.add(stockFacet(query, filters));
        return new ListingPage(items, query.page(), query.size(), total,
                facets.stream().filter(f -> !f.values().isEmpty()).toList(), suggestions);
    }

    private long count(ListingFilters filters, String exceptGroup) {
        return ((Number) query("SELECT count(*) FROM catalog.product p" + filters.where(exceptGroup), filters)
                .getSingleResult()).longValue();
    }

    /** Whether the suggestion's link (the text alone, in the same category) would show products. */
    private boolean foundByFullText(String text, ListingQuery query, List<Long> categoryIds) {
        ListingQuery plain = new ListingQuery(query.categorySlug(), text, new TreeSet<>(), null, new TreeMap<>(), false,
                query.sort(), 1, query.size());
        return count(new ListingFilters(plain, categoryIds), null) > 0;
    }

    public List<ProductSummary> featured(int limit) {
        Query q = replica.em().createNativeQuery(SUMMARY_COLUMNS
                + " WHERE p.status = 'active' AND p.featured ORDER BY p.created_at DESC, p.id LIMIT :limit", Tuple.class);
        q.setParameter("limit", limit);
        return summaries(q.getResultList());
    }

    private List<ProductSummary> items(ListingQuery query, ListingFilters filters) {
        String order = switch (query.sort()) {
            case RELEVANCE -> filters.relevance();
            case NEWEST -> "p.created_at DESC, p.id DESC";
            case PRICE_ASC -> "p.min_price_amount ASC NULLS LAST, p.id";
            case PRICE_DESC -> "p.min_price_amount DESC NULLS LAST, p.id";
            case NAME -> "p.name, p.id";
        };
        Set<String> colours = query.options().getOrDefault(ProductDetail.COLOUR_OPTION, new TreeSet<>());
        Query q = rows((colours.isEmpty() ? SUMMARY_COLUMNS : SUMMARY_COLUMNS_BY_COLOUR) + filters.where(null)
                + " ORDER BY " + order + " LIMIT :limit OFFSET :offset", filters);
        if (!colours.isEmpty()) {
            q.setParameter("cardColours", colours.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList());
        }
        q.setParameter("limit", query.size());
        q.setParameter("offset", query.offset());
        return summaries(q.getResultList());
    }

    private FacetGroup brandFacet(ListingQuery query, ListingFilters filters) {
        List<Tuple> rows = rows("SELECT p.brand AS value, count(*) AS products FROM catalog.product p"
                + filters.where(ListingFilters.BRAND) + " GROUP BY p.brand ORDER BY count(*) DESC, p.brand LIMIT 40", filters)
                .getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.stream().map(ListingRows.ValueCount::of).forEach(brand -> counts.put(brand.value(), brand.products()));
        query.brands().forEach(b -> counts.putIfAbsent(b, 0L));
        return new FacetGroup("brand", "Brand", counts.entrySet().stream()
                .map(e -> new FacetValue(e.getKey(), e.getKey(), e.getValue(), query.brands().contains(e.getKey())))
                .toList());
    }

    private FacetGroup priceFacet(ListingQuery query, ListingFilters filters) {
        StringBuilder band = new StringBuilder("CASE");
        for (int i = PRICE_BANDS.size() - 1; i > 0; i--) {
            band.append(" WHEN p.min_price_amount >= ").append(PRICE_BANDS.get(i).toPlainString()).append(" THEN ").append(i);
        }
        band.append(" ELSE 0 END");
        List<Tuple> rows = rows("SELECT " + band + " AS band, count(*) AS products FROM catalog.product p"
                + filters.where(ListingFilters.PRICE) + " AND p.min_price_amount IS NOT NULL GROUP BY 1 ORDER BY 1", filters)
                .getResultList();
        List<FacetValue> values = new ArrayList<>();
        for (ListingRows.BandCount row : rows.stream().map(ListingRows.BandCount::of).toList()) {
            int i = row.band();
            BigDecimal min = PRICE_BANDS.get(i);
            BigDecimal max = i + 1 < PRICE_BANDS.size() ? PRICE_BANDS.get(i + 1) : null;
            ListingQuery.PriceRange range = new ListingQuery.PriceRange(min, max);
            String label = max == null ? "From " + new Money(min, currency).display()
                    : new Money(min, currency).display() + " – " + new Money(max, currency).display();
            values.add(new FacetValue(range.param(), label, row.products(), range.equals(query.price())));
        }
        return new FacetGroup("price", "Price", values);
    }

    private List<FacetGroup> optionFacets(ListingQuery query, ListingFilters filters) {
        String base = "SELECT " + ListingRows.OptionCount.COLUMNS
                + " FROM catalog.product p JOIN catalog.product_option o ON o.product_id = p.id";
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        Set<String> filtered = query.options().keySet();
        // Options nobody filters by yet: one query under every filter.
        String unfiltered = base + filters.where(null) + (filtered.isEmpty() ? "" : " AND o.key NOT IN (:filteredKeys)")
                + " GROUP BY 1, 2";
        Query q = rows(unfiltered, filters);
        if (!filtered.isEmpty()) {
            q.setParameter("filteredKeys", filtered);
        }
        collect(q.getResultList(), counts);
        // Each filtered option counts its values under all the other filters.
        for (String key : filtered) {
            Query own = rows(base + filters.where(ListingFilters.OPTION_PREFIX + key) + " AND o.key = :facetKey GROUP BY 1, 2", filters);
            own.setParameter("facetKey", key);
            collect(own.getResultList(), counts);
        }
        List<FacetGroup> groups = new ArrayList<>();
        counts.forEach((key, valueCounts) -> {
            SortedSet<String> selected = query.options().get(key);
            List<FacetValue> values = valueCounts.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, Long> e) -> sizeRank(e.getKey())).thenComparing(Map.Entry::getKey))
                    .map(e -> new FacetValue(e.getKey(), e.getKey(), e.getValue(), selected != null && selected.contains(e.getKey())))
                    .toList();
            groups.add(new FacetGroup(ListingFilters.OPTION_PREFIX + key, capitalize(key), values));
        });
        return groups;
    }

    private FacetGroup stockFacet(ListingQuery query, ListingFilters filters) {
        long inStock = ((Number) query("SELECT count(*) FROM catalog.product p" + filters.where(ListingFilters.STOCK)
                + " AND p.in_stock", filters).getSingleResult()).longValue();
        return new FacetGroup("in_stock", "Availability",
                inStock == 0 && !query.inStockOnly() ? List.of() : List.of(new FacetValue("true", "In stock", inStock, query.inStockOnly())));
    }

    /**
     * Each word replaced by the closest word of the catalog's names and brands, by edit distance (a swap of two
     * letters counts two), up to one edit for words of four letters or fewer and two for longer ones; words
     * with no such neighbour stay as typed.
     */
    List<String> correctedWords(List<String> words) {
        List<String> corrected = new ArrayList<>();
        for (String word : words) {
            int allowed = word.length() <= 4 ? 1 : 2;
            List<?> best = replica.em().createNativeQuery("""
                    SELECT word FROM catalog.search_word
                     WHERE starts_with(word, :word)
                        OR (abs(length(word) - length(:word)) <= :allowed
                            AND levenshtein_less_equal(word, :word, :allowed) <= :allowed)
                     ORDER BY starts_with(word, :word) DESC, levenshtein(word, :word), similarity(word, :word) DESC, word
                     LIMIT 1""").setParameter("word", word).setParameter("allowed", allowed).getResultList();
            // A word that begins a catalog word is being typed, not misspelt ("jack" is not "pack").
            corrected.add(best.isEmpty() || ((String) best.getFirst()).startsWith(word) ? word : (String) best.getFirst());
        }
        return corrected;
    }

    /** From the primary: carts and checkout need the latest prices and stock. */
    public Map<String, SkuView> skus(Collection<String> skus) {
        return skus(primary, skus);
    }

    /** From the replica, inside {@link ReplicaReads#read}: while the primary is out of reach, carts still show. */
    Map<String, SkuView> skusOnReplica(Collection<String> skus) {
        return skus(replica.em(), skus);
    }

    private Map<String, SkuView> skus(EntityManager from, Collection<String> skus) {
        List<Tuple> rows = from.createNativeQuery("SELECT " + ListingRows.Sku.COLUMNS + """

                  FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id
                  LEFT JOIN LATERAL (""" + ListingRows.IMAGE + """

                                      ORDER BY CASE WHEN lower(i.colour) = lower(v.options ->> 'colour') THEN 0
                                                    WHEN i.colour IS NULL THEN 1 ELSE 2 END,
                                               i.position, i.id LIMIT 1) img ON true
                 WHERE v.sku IN (:skus) AND p.status = 'active'""", Tuple.class).setParameter("skus", skus).getResultList();
        Map<String, SkuView> found = new LinkedHashMap<>();
        for (ListingRows.Sku r : rows.stream().map(ListingRows.Sku::of).toList()) {
            found.put(r.sku(), new SkuView(r.sku(), r.productSlug(), r.productName(), r.label() == null ? "" : r.label(),
                    new Money(r.price(), r.currency().trim()), r.stockOnHand(), r.weightGrams(),
                    images.image(r.image())));
        }
        return found;
    }

    /** A count: one value, no row shape to name. */
    private Query query(String sql, ListingFilters filters) {
        return bind(replica.em().createNativeQuery(sql), sql, filters);
    }

    /** Rows read by column alias ({@link ListingRows}). */
    private Query rows(String sql, ListingFilters filters) {
        return bind(replica.em().createNativeQuery(sql, Tuple.class), sql, filters);
    }

    private static Query bind(Query q, String sql, ListingFilters filters) {
        filters.paramsFor(sql).forEach(q::setParameter);
        return q;
    }

    private List<ProductSummary> summaries(List<Tuple> rows) {
        List<ListingRows.Summary> found = rows.stream().map(ListingRows.Summary::of).toList();
        Map<Long, List<PriceDisplay.Offer>> offers = offers(found.stream().map(ListingRows.Summary::id).toList());
        return found.stream().map(r -> new ProductSummary(r.slug(), r.name(), r.brand(),
                r.minPrice() == null ? null : new Money(r.minPrice(), r.currency().trim()),
                PriceDisplay.ofOffers(offers.getOrDefault(r.id(), List.of())), r.inStock(), images.image(r.image()))).toList();
    }

    /** The variants' prices of a page of cards, in one query: cards show a sale or a price range from them. */
    private Map<Long, List<PriceDisplay.Offer>> offers(List<Long> productIds) {
        if (productIds.isEmpty()) {
            return Map.of();
        }
        List<Tuple> rows = replica.em().createNativeQuery("SELECT " + ListingRows.Offer.COLUMNS
                + " FROM catalog.variant v WHERE v.product_id IN (:ids)", Tuple.class).setParameter("ids", productIds).getResultList();
        Map<Long, List<PriceDisplay.Offer>> byProduct = new HashMap<>();
        for (ListingRows.Offer o : rows.stream().map(ListingRows.Offer::of).toList()) {
            String currency = o.currency().trim();
            byProduct.computeIfAbsent(o.productId(), id -> new ArrayList<>()).add(new PriceDisplay.Offer(new Money(o.price(), currency),
                    o.compareAt() == null ? null : new Money(o.compareAt(), currency)));
        }
        return byProduct;
    }

    private static void collect(List<Tuple> rows, Map<String, Map<String, Long>> counts) {
        rows.stream().map(ListingRows.OptionCount::of).forEach(r -> counts.computeIfAbsent(r.key(), k -> new LinkedHashMap<>())
                .put(r.value(), r.products()));
    }

    private static int sizeRank(String value) {
        int rank = SIZE_ORDER.indexOf(value);
        return rank < 0 ? SIZE_ORDER.size() : rank;
    }

    private static String capitalize(String key) {
        return key.isEmpty() ? key : Character.toUpperCase(key.charAt(0)) + key.substring(1);
    }
}
