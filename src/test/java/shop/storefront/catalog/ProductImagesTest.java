package shop.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shop.storefront.catalog.internal.images.ProductImages;
import shop.storefront.catalog.internal.images.TestPictures;
import shop.storefront.platform.InvalidInput;
import shop.storefront.web.Eventually;
import shop.storefront.web.Shopper;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Pictures through the real path: checked, stored in the (moto) bucket with server-side encryption, thumbnails made in
 * the background through the outbox, linked from the pages with srcset, width and height, served under /media.
 */
@QuarkusTest
class ProductImagesTest {

    private static final String BUCKET = "storefront-media-test";

    @Inject
    CatalogOracle db;
    @Inject
    ProductImages images;
    @Inject
    S3Client s3;

    @Test
    void uploadStoresTheOriginalAndThumbnailsEncryptedAndThePageLinksThem() {
        long productId = db.longValue("SELECT id FROM catalog.product WHERE status = 'active' ORDER BY id DESC LIMIT 1");
        String slug = db.string("SELECT slug FROM catalog.product WHERE id = ?", productId);
        String hash = upload(productId, null, "Front view", TestPictures.of("png", 1600, 1200, Color.ORANGE));
        String original = "media/products/" + hash + "/original.png";

        List<String> thumbnails = List.of(160, 480, 1200).stream()
                .flatMap(w -> List.of("w" + w + ".jpg", "w" + w + ".webp").stream())
                .map(file -> "media/products/" + hash + "/" + file).toList();
        Eventually.within(Eventually.BACKGROUND_WORK, "thumbnails of " + hash + " in the bucket",
                () -> keysUnder("media/products/" + hash + "/").containsAll(thumbnails));
        assertThat(keysUnder("media/products/" + hash + "/")).contains(original);
        for (String key : thumbnails) {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key(key));
            assertThat(head.serverSideEncryptionAsString()).as("SSE of %s", key).isEqualTo("AES256");
            assertThat(head.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
        }
        assertThat(s3.headObject(b -> b.bucket(BUCKET).key(original)).serverSideEncryptionAsString()).isEqualTo("AES256");
        Eventually.within(Eventually.BACKGROUND_WORK, "picture marked ready", () ->
                db.longValue("SELECT count(*) FROM catalog.product_image WHERE content_hash = ? AND thumbnails_ready", hash) == 1);

        String page = CatalogPagesTest.page("/product/" + slug);
        String img = tagWith(page, "<img ", hash);
        assertThat(img).contains("width=\"1600\"", "height=\"1200\"", "alt=\"Front view\"",
                "/media/products/" + hash + "/w160.jpg 160w", "/media/products/" + hash + "/w1200.jpg 1200w", "sizes=\"");
        assertThat(tagWith(page, "<source ", hash)).contains("type=\"image/webp\"", "/media/products/" + hash + "/w480.webp 480w");
        assertThat(firstImg(page)).doesNotContain("loading=\"lazy\"");

        Response thumbnail = given().get("/media/products/" + hash + "/w480.webp");
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(thumbnail.contentType()).isEqualTo("image/webp");
        assertThat(thumbnail.asByteArray()).startsWith("RIFF".getBytes(StandardCharsets.US_ASCII));

        String api = given().accept("application/json").get("/api/v1/products/" + slug).asString();
        assertThat(api).contains("\"width\":1600", "\"height\":1200", "/media/products/" + hash + "/w480.webp", "\"width\":480",
                "\"height\":360");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text renamed .jpg", "zero bytes", "SVG with script", "truncated JPEG", "GIF"})
    void badFilesAreRefusedAndNothingIsStored(String kind) {
        long productId = db.longValue("SELECT id FROM catalog.product WHERE status = 'active' ORDER BY id LIMIT 1");
        byte[] bytes = switch (kind) {
            case "text renamed .jpg" -> "this is not a photo".getBytes(StandardCharsets.UTF_8);
            case "zero bytes" -> new byte[0];
            case "SVG with script" -> "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                    .getBytes(StandardCharsets.UTF_8);
            case "truncated JPEG" -> {
                byte[] jpeg = TestPictures.of("jpeg", 600, 400, Color.PINK);
                yield Arrays.copyOf(jpeg, jpeg.length / 2);
            }
            default -> TestPictures.of("gif", 30, 30, Color.PINK);
        };
        // Originals only: thumbnails of earlier pictures may still be arriving in the background.
        Set<String> before = originals();
        long rows = db.longValue("SELECT count(*) FROM catalog.product_image");
        assertThatThrownBy(() -> images.add(productId, null, "", bytes)).isInstanceOfSatisfying(InvalidInput.class,
                refusal -> assertThat(refusal.field()).isEqualTo("file"));
        assertThat(originals()).isEqualTo(before);
        assertThat(db.longValue("SELECT count(*) FROM catalog.product_image")).isEqualTo(rows);
    }

    @Test
    void mediaAnswersWithTypeEtagAndAYearOfCachingAndRevalidates() {
        long productId = db.longValue("SELECT id FROM catalog.product WHERE status = 'active' ORDER BY id LIMIT 1 OFFSET 2");
        byte[] jpeg = TestPictures.of("jpeg", 300, 200, Color.MAGENTA);
        String hash = upload(productId, null, "", jpeg);
        String path = "/media/products/" + hash + "/original.jpg";

        Response answer = given().get(path);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("image/jpeg");
        assertThat(answer.header("ETag")).isEqualTo("\"" + hash + "\"");
        assertThat(answer.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(answer.asByteArray()).isEqualTo(jpeg);

        Response unchanged = given().header("If-None-Match", "\"" + hash + "\"").get(path);
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.asByteArray()).isEmpty();
        assertThat(given().header("If-None-Match", "\"other\"").get(path).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/media/products/0000000000000000000000000000000000000000000000000000000000000000/original.jpg",
            "/media/products/abc/original.jpg", "/media/placeholder/jacket/2b2b2b.svg", "/media/products/%2e%2e/secret",
            "/media/products/0000000000000000000000000000000000000000000000000000000000000000/w480.png", "/media/x"})
    void unknownOrMalformedKeysAreNotFound(String path) {
        assertThat(given().urlEncodingEnabled(false).get(path).statusCode()).isEqualTo(404);
    }

    @Test
    void eachColourShowsItsOwnPictureOnTheProductPageAndInTheCart() {
        List<List<Object>> colours = db.rows("""
                SELECT p.id, p.slug, min(v.options ->> 'colour'), max(v.options ->> 'colour')
                  FROM catalog.product p JOIN catalog.variant v ON v.product_id = p.id
                 WHERE p.status = 'active' AND v.stock_on_hand > 0
                 GROUP BY p.id, p.slug HAVING count(DISTINCT v.options ->> 'colour') >= 2 ORDER BY p.id DESC LIMIT 1""");
        long productId = ((Number) colours.getFirst().get(0)).longValue();
        String slug = (String) colours.getFirst().get(1);
        String white = (String) colours.getFirst().get(2);
        String black = (String) colours.getFirst().get(3);
        // Only this test's pictures: the seeded ones show the same colours.
        db.update("DELETE FROM catalog.product_image WHERE product_id = ?", productId);
        String whiteHash = upload(productId, white.toLowerCase(), "In " + white, TestPictures.of("jpeg", 500, 500, Color.WHITE));
        String blackHash = upload(productId, black, "In " + black, TestPictures.of("jpeg", 500, 500, Color.BLACK));
        String blackSku = db.string("SELECT sku FROM catalog.variant WHERE product_id = ? AND options ->> 'colour' = ?"
                + " AND stock_on_hand > 0 ORDER BY position LIMIT 1", productId, black);
        String whiteSku = db.string("SELECT sku FROM catalog.variant WHERE product_id = ? AND options ->> 'colour' = ?"
                + " ORDER BY position LIMIT 1", productId, white);

        String blackGallery = gallery(CatalogPagesTest.page("/product/" + slug + "?sku=" + blackSku));
        assertThat(blackGallery).contains(blackHash).doesNotContain(whiteHash);
        assertThat(gallery(CatalogPagesTest.page("/product/" + slug + "?sku=" + whiteSku))).contains(whiteHash)
                .doesNotContain(blackHash);

        Shopper shopper = new Shopper();
        assertThat(shopper.submit("/product/" + slug + "?sku=" + blackSku, "/cart/add", Map.of("sku", blackSku, "quantity", "1"))
                .statusCode()).isEqualTo(303);
        String line = tagWith(shopper.get("/cart").asString(), "<img ", blackHash);
        assertThat(line).doesNotContain("loading=\"lazy\"");
    }

    /** Uploads through the service and returns the content hash of the stored original. */
    private String upload(long productId, String colour, String alt, byte[] bytes) {
        String key = images.add(productId, colour, alt, bytes).storageKey();
        Matcher m = Pattern.compile("products/([0-9a-f]{64})/original\\.[a-z]+").matcher(key);
        assertThat(m.matches()).isTrue();
        return m.group(1);
    }

    private Set<String> keysUnder(String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream().map(S3Object::key)
                .collect(Collectors.toSet());
    }

    private Set<String> originals() {
        return keysUnder("media/").stream().filter(key -> key.contains("/original.")).collect(Collectors.toSet());
    }

    private static String gallery(String page) {
        int start = page.indexOf("<div class=\"gallery\">");
        return page.substring(start, page.indexOf("</div>", start));
    }

    private static String firstImg(String page) {
        int start = page.indexOf("<img ");
        return page.substring(start, page.indexOf('>', start) + 1);
    }

    /** The first whole tag (e.g. {@code <img }) that mentions {@code needle}. */
    private static String tagWith(String page, String tag, String needle) {
        Matcher tags = Pattern.compile(Pattern.quote(tag) + "[^>]*>").matcher(page);
        while (tags.find()) {
            if (tags.group().contains(needle)) {
                return tags.group();
            }
        }
        throw new AssertionError("No " + tag + "tag with " + needle + " in " + page);
    }
}
