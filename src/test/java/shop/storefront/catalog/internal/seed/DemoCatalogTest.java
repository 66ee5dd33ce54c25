package shop.storefront.catalog.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoCatalogTest {

    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
    /** The number of products dev mode and the tests seed. */
    private static final int DEMO_PRODUCTS = 520;
    /** Words that would make nonsense of a name in these categories ("Wireless Casserole", "Merino Earbuds"). */
    private static final Map<String, List<String>> WORDS_OUT_OF_PLACE = Map.of(
            "cookware", List.of("Wireless", "Bluetooth", "Waterproof", "Merino", "Insulated", "Trail"),
            "bedding", List.of("Wireless", "Bluetooth", "Waterproof", "Non-stick", "Pulse"),
            "lighting", List.of("Wireless", "Merino", "Waterproof", "Non-stick", "Summit"),
            "jackets", List.of("Wireless", "Non-stick", "Cast-iron", "Dimmable", "Volt"),
            "t-shirts", List.of("Wireless", "Waterproof", "Non-stick", "Insulated"),
            "headphones", List.of("Merino", "Cast-iron", "Down", "Leather", "Alpine"),
            "chargers", List.of("Merino", "Non-stick", "Waterproof", "Linen"));

    @Test
    void sameSeedSameCatalogOtherSeedOtherCatalog() {
        assertThat(generate(7, 200)).isEqualTo(generate(7, 200));
        assertThat(generate(7, 200)).isNotEqualTo(generate(8, 200));
    }

    @Test
    void realisticShapeWithUniqueKeys() {
        DemoCatalog catalog = new DemoCatalog(DemoCatalogSeeder.SEED, NOW);
        assertThat(catalog.categories()).hasSizeGreaterThanOrEqualTo(12);
        List<DemoCatalog.Item> items = generate(DemoCatalogSeeder.SEED, 3_000);
        Set<String> slugs = new HashSet<>();
        Set<String> skus = new HashSet<>();
        items.forEach(i -> {
            assertThat(slugs.add(i.product().slug())).isTrue();
            i.variants().forEach(v -> {
                assertThat(skus.add(v.sku())).isTrue();
                assertThat(v.price().signum()).isPositive();
                assertThat(v.stock()).isNotNegative();
                assertThat(v.options()).containsKey("colour");
            });
            assertThat(i.images()).isNotEmpty();
        });
        double skusPerProduct = (double) skus.size() / items.size();
        assertThat(skusPerProduct).as("about five SKUs per product").isBetween(4.6, 5.6);
        assertThat(items.stream().filter(i -> !i.product().status().equals("active")).count()).isPositive();
        assertThat(items.stream().map(i -> i.product().slug())).allMatch(s -> s.matches("[a-z0-9]+(-[a-z0-9]+)*"));
    }

    @Test
    void productNamesUseTheirOwnCategorysWords() {
        Map<Long, String> categories = new HashMap<>();
        new DemoCatalog(DemoCatalogSeeder.SEED, NOW).categories().forEach(c -> categories.put(c.id(), c.slug()));
        for (DemoCatalog.Item item : generate(DemoCatalogSeeder.SEED, DEMO_PRODUCTS)) {
            String category = categories.get(item.product().categoryId());
            String name = item.product().name();
            DemoCatalog.NameWords words = DemoCatalog.nameWords(category).orElseThrow();
            assertThat(words.lines().stream().anyMatch(line -> words.adjectives().stream().anyMatch(adjective ->
                    words.nouns().stream().anyMatch(noun -> name.equals(line + " " + adjective + " " + noun)))))
                    .as("%s is a %s line, one of its adjectives and one of its nouns", name, category).isTrue();
            assertThat(WORDS_OUT_OF_PLACE.getOrDefault(category, List.of())).as("words out of place in %s (%s)", name, category)
                    .noneMatch(name::contains);
        }
    }

    @Test
    void clothingAndShoesComeInSeveralSizesAndColoursWithSomeSoldOut() {
        List<DemoCatalog.Item> items = generate(DemoCatalogSeeder.SEED, DEMO_PRODUCTS);
        List<DemoCatalog.Item> grids = items.stream()
                .filter(i -> distinct(i, "size").size() >= 3 && distinct(i, "colour").size() >= 2).toList();
        assertThat(grids).as("products in 3+ sizes and 2+ colours").hasSizeGreaterThan(DEMO_PRODUCTS / 3);
        assertThat(items.stream().filter(i -> i.variants().getFirst().options().containsKey("size")))
                .as("every sized product is such a grid").allMatch(grids::contains);
        assertThat(grids.stream().filter(i -> i.variants().stream().anyMatch(v -> v.stock() == 0)).count())
                .as("grids with a combination sold out").isGreaterThan(DEMO_PRODUCTS / 10);
        assertThat(grids.stream().filter(i -> i.variants().size() < distinct(i, "size").size() * distinct(i, "colour").size())
                .count()).as("grids with a combination not made").isPositive();
        assertThat(grids).allSatisfy(i -> assertThat(i.images().stream().map(image -> image.picture().colour()))
                .as("one picture per colour of %s", i.product().name()).containsExactlyElementsOf(distinct(i, "colour")));
    }

    private static Set<String> distinct(DemoCatalog.Item item, String option) {
        return item.variants().stream().map(v -> v.options().get(option)).filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static List<DemoCatalog.Item> generate(long seed, int count) {
        List<DemoCatalog.Item> items = new ArrayList<>();
        new DemoCatalog(seed, NOW).products(count, items::add);
        return items;
    }
}
