package shop.storefront.catalog.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import shop.storefront.web.Shopper;

/** Without Redis to say the catalog's version, catalog pages are rendered on every request: never an error page. */
@QuarkusTest
@TestProfile(PagesWithoutRedisTest.VersionsUnreachable.class)
class PagesWithoutRedisTest {

    public static class VersionsUnreachable implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(UnreachablePageVersions.class);
        }
    }

    @Inject
    PageVersionReader reader;
    @Inject
    MeterRegistry metrics;

    @Test
    void catalogPagesAreRenderedAndNotKept() {
        assertThat(ClientProxy.unwrap(reader)).isInstanceOf(UnreachablePageVersions.class);
        double hits = metrics.counter("storefront.catalog.pages", "result", "hit").count();
        double unavailable = metrics.counter("storefront.catalog.pages", "result", "unavailable").count();
        for (String path : List.of("/", "/category/clothing", "/search?q=jacket", "/", "/category/clothing")) {
            Response page = new Shopper().get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.asString()).as(path).contains("<header class=\"site-header\">", "mini-cart-count");
        }
        assertThat(metrics.counter("storefront.catalog.pages", "result", "hit").count()).isEqualTo(hits);
        assertThat(metrics.counter("storefront.catalog.pages", "result", "unavailable").count()).isEqualTo(unavailable + 5);
    }
}
