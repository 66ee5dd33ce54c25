package shop.storefront.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Static files: linked under content fingerprints, cached for a year there, revalidated anywhere else. */
@QuarkusTest
class StaticAssetsTest {

    private static final String YEAR_IMMUTABLE = "public, max-age=31536000, immutable";

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({"/css/site.css, text/css", "/favicon.svg, image/svg+xml"})
    void pagesLinkEachFileUnderItsContentFingerprintWhichIsCachedForAYear(String file, String type) throws IOException {
        byte[] content = classpathFile(file);
        String fingerprint = sha256(content).substring(0, 12);
        String linked = linkedFrom("/", file);
        assertThat(linked).isEqualTo("/assets/" + fingerprint + file);

        Response answer = given().get(linked);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith(type);
        assertThat(answer.header("Cache-Control")).isEqualTo(YEAR_IMMUTABLE);
        assertThat(answer.header("ETag")).isEqualTo("\"" + fingerprint + "\"");
        assertThat(answer.asByteArray()).isEqualTo(content);
        assertThat(answer.header("Content-Security-Policy")).as("security headers apply").contains("default-src 'self'");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");

        Response unchanged = given().header("If-None-Match", "\"" + fingerprint + "\"").get(linked);
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.asByteArray()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/css/site.css", "/assets/0123456789ab/css/site.css"})
    void thePlainPathAndAnOldFingerprintGetTheCurrentFileOnlyWithRevalidation(String path) throws IOException {
        Response answer = given().get(path);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(answer.header("ETag")).isEqualTo("\"" + sha256(classpathFile("/css/site.css")).substring(0, 12) + "\"");
        assertThat(answer.asByteArray()).isEqualTo(classpathFile("/css/site.css"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/assets/0123456789ab/css/missing.css", "/assets/0123456789ab/application.properties",
            "/assets/0123456789ab/../application.properties", "/assets/0123456789ab", "/favicon.ico"})
    void anythingElseUnderAssetsIsNotFound(String path) {
        assertThat(given().urlEncodingEnabled(false).get(path).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/category/clothing", "/cart", "/account/sign-in", "/no-such-page"})
    void everyPageHasTheFavicon(String page) {
        assertThat(linkedFrom(page, "/favicon.svg")).startsWith("/assets/");
    }

    private static String linkedFrom(String page, String file) {
        String html = given().accept("text/html").get(page).asString();
        Matcher link = Pattern.compile("href=\"([^\"]*" + Pattern.quote(file) + ")\"").matcher(html);
        assertThat(link.find()).as(page + " links " + file).isTrue();
        return link.group(1);
    }

    private static byte[] classpathFile(String file) throws IOException {
        try (InputStream in = StaticAssetsTest.class.getClassLoader().getResourceAsStream("META-INF/resources" + file)) {
            assertThat(in).as(file).isNotNull();
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
