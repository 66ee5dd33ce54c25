package shop.storefront.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.storefront.catalog.CatalogRequests.list;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sorting and paging of listings through the API: whole results in order, every product on exactly one page. */
@QuarkusTest
class ListingOrderApiTest {

    @Inject
    CatalogOracle db;

    @Test
    void eachSortOrdersTheWholeResult() {
        assertSorted("price-asc", "fromPrice.amount", Comparator.<BigDecimal>naturalOrder());
        assertSorted("price-desc", "fromPrice.amount", Comparator.<BigDecimal>reverseOrder());
        List<String> names = list("category=electronics&sort=name&per_page=96").getList("items.name", String.class);
        assertThat(names).isSortedAccordingTo(Comparator.naturalOrder());
        String newest = db.string("SELECT slug FROM catalog.product WHERE status = 'active' ORDER BY created_at DESC, id DESC LIMIT 1");
        assertThat(list("sort=newest&per_page=1").getString("items[0].slug")).isEqualTo(newest);
    }

    @Test
    void paginationCoversEveryProductExactlyOnce() {
        long total = db.activeInCategory("footwear", null);
        int size = 7;
        int pages = (int) ((total + size - 1) / size);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int p = 1; p <= pages; p++) {
            List<String> slugs = list("category=footwear&sort=price-asc&per_page=" + size + "&page=" + p).getList("items.slug", String.class);
            assertThat(slugs).hasSize(p < pages ? size : (int) (total - (long) (pages - 1) * size));
            seen.addAll(slugs);
        }
        assertThat(seen).hasSize((int) total);
        assertThat(list("category=footwear&per_page=" + size + "&page=" + (pages + 1)).getList("items")).isEmpty();
    }

    private <T> void assertSorted(String sort, String field, Comparator<T> order) {
        JsonPath page = list("category=outdoor&per_page=96&sort=" + sort);
        @SuppressWarnings("unchecked")
        List<T> values = (List<T>) page.getList("items." + field, String.class).stream().map(BigDecimal::new).toList();
        assertThat(values).hasSizeGreaterThan(10).isSortedAccordingTo(order);
    }
}
