package shop.storefront.catalog.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The store of rendered pages stays within its bounds whatever is asked for, and serves a page only at its version. */
class PageStoreTest {

    private static final String HTML = "<!DOCTYPE html><p>" + "page ".repeat(400) + "</p>";

    @Test
    void searchesForEverNewWordsStayWithinTheEntryBound() {
        PageStore store = new PageStore(64L << 20, 50, Duration.ofMinutes(10), new SimpleMeterRegistry());
        for (int i = 0; i < 1_000; i++) {
            store.put(PageStore.key("/search", "q=word" + i), RenderedPage.of("1.1", HTML + i));
        }
        assertThat(store.size()).isEqualTo(50);
        assertThat(store.current("/search?q=word999", "1.1")).as("the newest stays").isNotNull();
        assertThat(store.current("/search?q=word0", "1.1")).as("the oldest went").isNull();
    }

    @Test
    void largePagesStayWithinTheByteBound() {
        long bound = 200_000;
        PageStore store = new PageStore(bound, 10_000, Duration.ofMinutes(10), new SimpleMeterRegistry());
        for (int i = 0; i < 1_000; i++) {
            store.put(PageStore.key("/search", "q=" + i), RenderedPage.of("1.1", HTML + i));
        }
        assertThat(store.bytes()).isPositive().isLessThanOrEqualTo(bound);
        assertThat(store.size()).isLessThan(1_000);
    }

    @Test
    void aPageIsServedOnlyAtTheVersionItWasRenderedAt() {
        PageStore store = new PageStore(64L << 20, 100, Duration.ofMinutes(10), new SimpleMeterRegistry());
        store.put("/", RenderedPage.of("3.7", HTML));
        assertThat(store.current("/", "3.7")).isNotNull();
        assertThat(store.current("/", "3.8")).isNull();
        assertThat(store.current("/", "4.7")).isNull();
    }

    @Test
    void aPageOlderThanTheCatalogCachesTtlIsRenderedAgain() {
        PageStore store = new PageStore(64L << 20, 100, Duration.ZERO, new SimpleMeterRegistry());
        store.put("/", RenderedPage.of("1.1", HTML));
        assertThat(store.current("/", "1.1")).isNull();
    }

    @Test
    void gzipIsTakenOnlyWhereTheClientAcceptsIt() {
        assertThat(RenderedPage.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(RenderedPage.acceptsGzip("br;q=1.0, gzip;q=0.8")).isTrue();
        assertThat(RenderedPage.acceptsGzip("*")).isTrue();
        assertThat(RenderedPage.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(RenderedPage.acceptsGzip("*, gzip;q=0")).isFalse();
        assertThat(RenderedPage.acceptsGzip("identity")).isFalse();
        assertThat(RenderedPage.acceptsGzip(null)).isFalse();
    }

    @Test
    void ifNoneMatchComparesWeakly() {
        RenderedPage page = RenderedPage.of("1.1", HTML);
        String opaque = page.etag().substring(2);
        assertThat(page.matches(page.etag())).isTrue();
        assertThat(page.matches(opaque)).isTrue();
        assertThat(page.matches("\"other\", " + page.etag())).isTrue();
        assertThat(page.matches("*")).isTrue();
        assertThat(page.matches("\"other\"")).isFalse();
        assertThat(page.matches(null)).isFalse();
    }
}
