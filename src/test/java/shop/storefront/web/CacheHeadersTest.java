package shop.storefront.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.storefront.account.Accounts;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.web.Routes.Route;

/**
 * Every page and API answer says what may be cached, by family of URL. The routes are read from the resources
 * themselves, so a new route without a family fails here until someone decides how it may be cached.
 */
@QuarkusTest
class CacheHeadersTest {

    /** How a family's successful GET answers may be cached; errors and redirects are never stored. */
    enum Family {
        CATALOG_PAGE("public, max-age=0, s-maxage=0, must-revalidate"), CATALOG_API("no-cache"), PERSONAL("no-store"), OWN_HEADER(null);

        final String cacheControl;

        Family(String cacheControl) {
            this.cacheControl = cacheControl;
        }
    }

    private static final Map<Pattern, Family> FAMILIES = Map.of(
            Pattern.compile("/|/search|/category/[^/]+|/product/[^/]+"), Family.CATALOG_PAGE,
            Pattern.compile("/api/v1/(categories|products)(/[^/]+)?|/api/v1/search"), Family.CATALOG_API,
            Pattern.compile("/(cart|checkout|account|orders|admin)(/.*)?"), Family.PERSONAL,
            Pattern.compile("/api/v1/(cart|checkout|orders|admin|payments|shopper)(/.*)?"), Family.PERSONAL,
            Pattern.compile("/robots\\.txt|/sitemap\\.xml|/sitemaps/.+|/media/.+"), Family.OWN_HEADER);
    private static final List<String> POLICY_VALUES = Stream.of(Family.values()).map(f -> f.cacheControl).filter(v -> v != null).toList();

    @Inject
    CatalogOracle db;
    @Inject
    RedisDataSource redis;

    @BeforeEach
    void freshRateLimits() {
        Accounts.resetRateLimits(redis);
    }

    /** Every GET route (path parameters 1, or a real product and category where that makes the page exist), and more. */
    static Stream<String> pages() {
        Stream<String> routes = Routes.all().stream().filter(r -> r.method().equals("GET")).map(Route::path);
        return Stream.concat(routes, Stream.of("/search?q=jacket", "/category/clothing?page=2", "/no-such-page", "/admin",
                "/admin/products", "/api/v1/no-such-call"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void everyPageSaysWhatMayBeCached(String route) {
        Shopper shopper = new Shopper();
        Accounts.signedUp(shopper);
        String path = concrete(route);
        Family family = familyOf(path);
        String accept = route.startsWith("/api/") ? "application/json" : family == Family.OWN_HEADER ? "*/*" : "text/html";
        Response answer = shopper.keep(shopper.request().accept(accept).get(path));
        String cacheControl = answer.header("Cache-Control");
        if (family == Family.OWN_HEADER) {
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(cacheControl).as(path + ": left as the resource set it").isNotIn(POLICY_VALUES);
            return;
        }
        if (family == Family.CATALOG_PAGE || family == Family.CATALOG_API) {
            assertThat(answer.statusCode()).as(path + ": the row must show a real catalog page").isEqualTo(200);
        }
        String expected = answer.statusCode() < 300 ? family.cacheControl : Family.PERSONAL.cacheControl;
        assertThat(cacheControl).as(path + " answered " + answer.statusCode()).isEqualTo(expected);
    }

    /** Catalog pages hold nothing about the shopper: CloudFront may keep them, revalidating each time (s-maxage=0). */
    @Test
    void catalogPagesMayBeKeptBySharedCachesThatRevalidate() {
        for (String path : List.of("/", "/category/clothing", "/product/" + productSlug(), "/search?q=jacket")) {
            Response answer = new Shopper().get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.header("Cache-Control")).as(path).isEqualTo(Family.CATALOG_PAGE.cacheControl);
            // Retried only because thumbnails made in the background may change the page between two requests.
            Response[] unchanged = new Response[1];
            Eventually.within(Duration.ofSeconds(60), path + " revalidated with its ETag", () -> {
                String etag = new Shopper().get(path).header("ETag");
                unchanged[0] = new Shopper().request().header("If-None-Match", etag).get(path);
                return unchanged[0].statusCode() == 304;
            });
            assertThat(unchanged[0].header("Cache-Control")).as(path + ", revalidated").isEqualTo(Family.CATALOG_PAGE.cacheControl);
        }
        assertThat(new Shopper().request().accept("application/json").get("/api/v1/products/" + productSlug()).header("Cache-Control"))
                .isEqualTo("no-cache");
    }

    /** Refused form posts (no token here) and redirects, e.g. to sign in, are never stored. */
    @Test
    void errorPagesAfterAPostAndRedirectsAreNotStored() {
        Shopper shopper = new Shopper();
        Accounts.signedUp(shopper);
        for (Route route : Routes.pages()) {
            if (route.changesState()) {
                Response answer = shopper.request().accept("text/html").contentType("application/x-www-form-urlencoded")
                        .formParam("x", "y").request(route.method(), route.path());
                assertThat(answer.statusCode()).as(route.toString()).isEqualTo(403);
                assertThat(answer.contentType()).as(route.toString()).startsWith("text/html");
                assertThat(answer.header("Cache-Control")).as(route.toString()).isEqualTo("no-store");
            }
        }
        Response toSignIn = new Shopper().get("/account");
        assertThat(toSignIn.statusCode()).isBetween(300, 399);
        assertThat(toSignIn.header("Cache-Control")).isEqualTo("no-store");
    }

    private String concrete(String route) {
        return switch (route) {
            case "/product/1", "/api/v1/products/1" -> route.replace("/1", "/" + productSlug());
            case "/category/1", "/api/v1/categories/1" -> route.replace("/1", "/clothing");
            case "/api/v1/search" -> route + "?q=jacket";
            case "/media/1" -> pictureOnHomePage();
            default -> route;
        };
    }

    /** A stored product picture, as the shop links it (the demo catalog's pictures are in the bucket). */
    private static String pictureOnHomePage() {
        Matcher picture = Pattern.compile("src=\"(/media/[^\"]+)\"").matcher(new Shopper().get("/").asString());
        assertThat(picture.find()).as("a picture on the home page").isTrue();
        return picture.group(1);
    }

    private String productSlug() {
        return db.string("SELECT slug FROM catalog.product WHERE status = 'active' ORDER BY id LIMIT 1");
    }

    private static Family familyOf(String pathAndQuery) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        if (path.equals("/no-such-page") || path.equals("/api/v1/no-such-call")) {
            return Family.PERSONAL;
        }
        return FAMILIES.entrySet().stream().filter(e -> e.getKey().matcher(path).matches()).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new AssertionError(path + " belongs to no family: decide how it may be cached"));
    }
}
