package shop.storefront.catalog.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoCatalogTest {

    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

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
        assertThat(skusPerProduct).as("about three SKUs per product").isBetween(2.7, 3.3);
        assertThat(items.stream().filter(i -> !i.product().status().equals("active")).count()).isPositive();
        assertThat(items.stream().map(i -> i.product().slug())).allMatch(s -> s.matches("[a-z0-9]+(-[a-z0-9]+)*"));
    }

    private static List<DemoCatalog.Item> generate(long seed, int count) {
        List<DemoCatalog.Item> items = new ArrayList<>();
        new DemoCatalog(seed, NOW).products(count, items::add);
        return items;
    }
}
