package shop.storefront.catalog.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.Inventory;
import shop.storefront.checkout.Checkouts;
import shop.storefront.web.Eventually;
import shop.storefront.platform.Money;

/**
 * Catalog pages are rendered once per catalog version and then answered from memory: the same bytes (plain or gzip),
 * ETag and 304, and a change to the catalog seen by the very next request, wherever it was made.
 */
@QuarkusTest
class CatalogPageCacheTest {

    private static final List<String> SAME_ON_HIT_AND_MISS = List.of("content-type", "content-encoding", "etag", "vary",
            "cache-control", "content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy",
            "permissions-policy");

    /** As the load balancer and CloudFront talk to the shop. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /** Upgrades to HTTP/2 (h2c), where the server compresses the plain copy itself. */
    private final HttpClient http2 = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TestHTTPResource("/")
    URI base;
    @Inject
    MeterRegistry metrics;
    @Inject
    CatalogOracle db;
    @Inject
    Inventory inventory;
    @Inject
    RedisDataSource redis;

    @Test
    void theSecondRequestIsAnsweredFromMemoryWithTheSameBytesAndHeaders() throws Exception {
        String path = uniqueSearch();
        HttpResponse<byte[]>[] pair = secondFromMemory(path);
        HttpResponse<byte[]> rendered = pair[0];
        HttpResponse<byte[]> stored = pair[1];

        assertThat(rendered.statusCode()).isEqualTo(200);
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.body()).isEqualTo(rendered.body());
        for (String header : SAME_ON_HIT_AND_MISS) {
            assertThat(stored.headers().allValues(header)).as(header).isEqualTo(rendered.headers().allValues(header));
        }
        assertThat(stored.headers().firstValue("etag")).hasValueSatisfying(etag -> assertThat(etag).startsWith("W/\""));
        assertThat(stored.headers().firstValue("vary")).hasValueSatisfying(vary -> assertThat(vary).isEqualToIgnoringCase("Accept-Encoding"));
        assertThat(rendered.headers().allValues("set-cookie")).isEmpty();
        assertThat(stored.headers().allValues("set-cookie")).isEmpty();
    }

    @Test
    void gzipAndPlainCopiesHoldTheSamePage() throws Exception {
        String path = uniqueSearch();
        HttpResponse<byte[]> plain = fetch("GET", path);
        for (int i = 0; i < 2; i++) { // rendered, then from memory
            HttpResponse<byte[]> zipped = fetch("GET", path, "Accept-Encoding", "gzip");
            assertThat(zipped.headers().firstValue("content-encoding")).hasValue("gzip");
            assertThat(gunzip(zipped.body())).isEqualTo(plain.body());
            assertThat(zipped.headers().firstValue("etag")).isEqualTo(plain.headers().firstValue("etag"));
            HttpResponse<byte[]> overHttp2 = send(http2, "GET", path, "Accept-Encoding", "gzip");
            assertThat(overHttp2.headers().firstValue("content-encoding")).hasValue("gzip");
            assertThat(gunzip(overHttp2.body())).isEqualTo(plain.body());
        }
        assertThat(plain.headers().firstValue("content-encoding")).isEmpty();
        assertThat(new String(plain.body(), StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>");
    }

    @Test
    void aMatchingIfNoneMatchGets304AndHeadGetsNoBody() throws Exception {
        String path = uniqueSearch();
        HttpResponse<byte[]> page = fetch("GET", path);
        String etag = page.headers().firstValue("etag").orElseThrow();
        for (String sent : List.of(etag, etag.substring(2), "\"elsewhere\", " + etag)) {
            HttpResponse<byte[]> unchanged = fetch("GET", path, "If-None-Match", sent);
            assertThat(unchanged.statusCode()).as(sent).isEqualTo(304);
            assertThat(unchanged.body()).isEmpty();
            assertThat(unchanged.headers().firstValue("etag")).hasValue(etag);
        }
        assertThat(fetch("GET", path, "If-None-Match", "\"elsewhere\"").statusCode()).isEqualTo(200);
        HttpResponse<byte[]> head = fetch("HEAD", path);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("content-length")).hasValue(Integer.toString(page.body().length));
        assertThat(head.headers().firstValue("etag")).hasValue(etag);
    }

    @Test
    void aPriceOrStockChangeIsOnTheVeryNextRequest() throws Exception {
        String sku = Checkouts.sku(db, inventory, 5);
        String slug = db.string("SELECT p.slug FROM catalog.product p JOIN catalog.variant v ON v.product_id = p.id WHERE v.sku = ?", sku);
        String path = "/product/" + slug + "?sku=" + sku;
        inventory.setPrice(sku, Money.of("123.45", "EUR"));
        assertThat(text(fetch("GET", path))).contains("€123.45");
        assertThat(text(fetch("GET", path))).contains("€123.45");

        inventory.setPrice(sku, Money.of("98.76", "EUR"));
        assertThat(text(fetch("GET", path))).contains("€98.76").doesNotContain("€123.45");

        inventory.setStock(sku, 0);
        String soldOut = text(fetch("GET", path));
        inventory.setStock(sku, 5);
        assertThat(soldOut).isNotEqualTo(text(fetch("GET", path)));
        assertThat(text(fetch("GET", path))).contains("€98.76");
    }

    /** Another instance's change shows only as a version key moving in Redis: that alone must make the page new. */
    @Test
    void aVersionBumpedByAnotherInstanceRendersThePageAgain() throws Exception {
        String path = uniqueSearch();
        secondFromMemory(path);

        redis.value(String.class).incr("catalog:version:listings");
        double hits = pageCount("hit");
        fetch("GET", path);
        assertThat(pageCount("hit")).as("rendered again").isEqualTo(hits);
        secondFromMemory(path);

        String slug = db.string("SELECT slug FROM catalog.product WHERE status = 'active' ORDER BY id LIMIT 1");
        secondFromMemory("/product/" + slug);
        redis.value(String.class).incr("catalog:version:product:" + slug);
        hits = pageCount("hit");
        fetch("GET", "/product/" + slug);
        assertThat(pageCount("hit")).as("a product's own version").isEqualTo(hits);
    }

    @Test
    void notFoundPagesAreNotKept() throws Exception {
        double hits = pageCount("hit");
        assertThat(fetch("GET", "/category/no-such-category").statusCode()).isEqualTo(404);
        assertThat(fetch("GET", "/category/no-such-category").statusCode()).isEqualTo(404);
        assertThat(pageCount("hit")).isEqualTo(hits);
    }

    /**
     * Two requests for a page, the second answered from memory: retried while the catalog changed in between (the
     * test instance makes thumbnails in the background, and each one changes the listings' version).
     */
    @SuppressWarnings("unchecked")
    private HttpResponse<byte[]>[] secondFromMemory(String path) {
        HttpResponse<byte[]>[] pair = new HttpResponse[2];
        Eventually.within(Duration.ofSeconds(60), "the second request for " + path + " answered from memory", () -> {
            try {
                pair[0] = fetch("GET", path);
                double hits = pageCount("hit");
                pair[1] = fetch("GET", path);
                return pageCount("hit") == hits + 1;
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        return pair;
    }

    private String uniqueSearch() {
        return "/search?q=probe+" + System.nanoTime();
    }

    private double pageCount(String result) {
        return metrics.counter("storefront.catalog.pages", "result", result).count();
    }

    private HttpResponse<byte[]> fetch(String method, String path, String... headers) throws IOException, InterruptedException {
        return send(http, method, path, headers);
    }

    private HttpResponse<byte[]> send(HttpClient client, String method, String path, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("Accept", "text/html");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static byte[] gunzip(byte[] zipped) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
            return in.readAllBytes();
        }
    }
}
