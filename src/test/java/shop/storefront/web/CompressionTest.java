package shop.storefront.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Text answers (pages, JSON, problem+json, CSS, SVG, XML) are gzip-compressed when the client asks, and only then;
 * images are never recompressed; and caches are told that the answer depends on Accept-Encoding. Read with a client
 * that neither asks for nor undoes compression by itself.
 */
@QuarkusTest
class CompressionTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/, text/html, 200",
        "/category/clothing, text/html, 200",
        "/no-such-page, text/html, 404",
        "/api/v1/products, application/json, 200",
        "/api/v1/products/no-such-product, application/problem+json, 404",
        "/css/site.css, text/css, 200",
        "/favicon.svg, image/svg+xml, 200",
        "/sitemap.xml, application/xml, 200",
        "/robots.txt, text/plain, 200"})
    void textIsCompressedWhenAskedAndOnlyThen(String path, String type, int status) {
        HttpResponse<byte[]> plain = get(path, null);
        assertThat(plain.statusCode()).isEqualTo(status);
        assertThat(plain.headers().firstValue("Content-Type")).hasValueSatisfying(value -> assertThat(value).startsWith(type));
        assertThat(plain.headers().firstValue("Content-Encoding").orElse("identity")).as("not asked").isEqualTo("identity");
        assertThat(plain.headers().firstValue("Vary")).hasValueSatisfying(vary -> assertThat(vary).containsIgnoringCase("Accept-Encoding"));

        HttpResponse<byte[]> zipped = get(path, "gzip, deflate, br");
        assertThat(zipped.statusCode()).isEqualTo(status);
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.headers().firstValue("Vary")).hasValueSatisfying(vary -> assertThat(vary).containsIgnoringCase("Accept-Encoding"));
        String unzipped = gunzip(zipped.body());
        if (unzipped.length() > 1000) {
            assertThat(zipped.body().length).as("smaller than it was").isLessThan(unzipped.getBytes(StandardCharsets.UTF_8).length / 2);
        }
        assertThat(withoutVaryingParts(unzipped)).isEqualTo(withoutVaryingParts(new String(plain.body(), StandardCharsets.UTF_8)));
    }

    @Test
    void onlyGzipIsOffered() {
        HttpResponse<byte[]> brotliOnly = get("/", "br");
        assertThat(brotliOnly.headers().firstValue("Content-Encoding").orElse("identity")).isEqualTo("identity");
        assertThat(new String(brotliOnly.body(), StandardCharsets.UTF_8)).contains("<html");
    }

    @Test
    void imagesAreNotRecompressed() {
        HttpResponse<byte[]> image = get(PixelRoute.PATH, "gzip");
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Encoding").orElse("identity")).isEqualTo("identity");
        assertThat(image.body()).isEqualTo(PixelRoute.PNG);
        assertThat(image.headers().firstValue("Cache-Control")).as("its own header kept").hasValue("public, max-age=60");
    }

    /** CSRF tokens are masked anew in every page; error pages carry an incident id. */
    private static String withoutVaryingParts(String body) {
        return body.replaceAll("name=\"csrf-token\" value=\"[^\"]*\"", "csrf")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "incident");
    }

    static HttpResponse<byte[]> get(String path, String acceptEncoding) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RawHttp.port() + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "text/html, application/json;q=0.9, */*;q=0.8");
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String gunzip(byte[] body) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("not gzip", e);
        }
    }
}
