package shop.storefront.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shop.storefront.account.Accounts;
import shop.storefront.backoffice.Staff;
import shop.storefront.catalog.internal.images.TestPictures;
import shop.storefront.platform.Digests;
import shop.storefront.web.Eventually;
import shop.storefront.web.RawHttp;
import shop.storefront.web.Shopper;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The back office's pictures page through HTTP, as a browser sends it (multipart with the CSRF token), against the
 * real (moto) bucket: an upload is stored and thumbnailed in the background and shown by the shop; bad or too large
 * files are refused on the page naming the problem, storing nothing; every change is in the audit trail.
 */
@QuarkusTest
class ProductImagePagesTest {

    private static final String BUCKET = "storefront-media-test";
    private static Staff.Admin admin;

    @Inject
    CatalogOracle db;
    @Inject
    S3Client s3;
    @Inject
    RedisDataSource redis;

    @BeforeEach
    void signedInAdmin() {
        Accounts.resetRateLimits(redis);
        if (admin == null) {
            admin = Staff.signedInAdmin(db);
        }
    }

    @Test
    void anUploadIsStoredWithItsThumbnailsAuditedAndShownByTheShopWithSrcset() {
        List<Object> product = db.rows("""
                SELECT p.id, p.slug, max(v.options ->> 'colour'), max(v.sku)
                  FROM catalog.product p JOIN catalog.variant v ON v.product_id = p.id
                 WHERE p.status = 'active' AND v.options ->> 'colour' IS NOT NULL
                 GROUP BY p.id, p.slug ORDER BY p.id LIMIT 1 OFFSET 3""").getFirst();
        long id = ((Number) product.get(0)).longValue();
        String slug = (String) product.get(1);
        String colour = (String) product.get(2);
        byte[] png = TestPictures.of("png", 1600, 1200, Color.ORANGE);
        String hash = Digests.sha256Hex(png);

        Response posted = upload(id, "front.png", png, colour, "Worn on a hill", token(id));
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.header("Location")).endsWith("/admin/products/" + id + "/images?done=added");
        String page = admin.browser().get(posted.header("Location")).asString();
        assertThat(page).contains("Picture uploaded", "/media/products/" + hash + "/original.png", "Worn on a hill");
        long imageId = db.longValue("SELECT id FROM catalog.product_image WHERE product_id = ? AND content_hash = ?", id, hash);
        assertThat(db.string("SELECT colour FROM catalog.product_image WHERE id = ?", imageId)).isEqualTo(colour);

        List<String> thumbnails = List.of(160, 480, 1200).stream()
                .flatMap(w -> List.of("w" + w + ".jpg", "w" + w + ".webp").stream())
                .map(file -> "media/products/" + hash + "/" + file).toList();
        Eventually.within(Eventually.BACKGROUND_WORK, "thumbnails of " + hash + " in the bucket",
                () -> keysUnder("media/products/" + hash + "/").containsAll(thumbnails));
        assertThat(keysUnder("media/products/" + hash + "/")).contains("media/products/" + hash + "/original.png");
        Eventually.within(Eventually.BACKGROUND_WORK, "the pictures page says ready", () ->
                rowOf(admin.browser().get(imagesPath(id)).asString(), imageId).contains("picture-state-ready"));

        String sku = db.string("SELECT sku FROM catalog.variant WHERE product_id = ? AND options ->> 'colour' = ? LIMIT 1", id, colour);
        String shop = CatalogPagesTest.page("/product/" + slug + "?sku=" + sku);
        assertThat(shop).containsPattern("<img [^>]*srcset=\"[^\"]*/media/products/" + hash + "/w480\\.jpg 480w[^>]*>");
        assertThat(shop).contains("alt=\"Worn on a hill\"");

        List<Object> entry = db.rows("SELECT actor, detail FROM backoffice.audit_entry WHERE subject = ?"
                + " AND action = 'product.image-added' ORDER BY id DESC LIMIT 1", slug).getFirst();
        assertThat(entry.get(0)).isEqualTo(admin.email());
        assertThat((String) entry.get(1)).contains(hash, colour);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text renamed .jpg", "zero bytes", "SVG with script"})
    void badFilesAreRefusedOnThePageWithTheValuesKeptAndNothingStored(String kind) {
        long id = productId(5);
        byte[] bytes = switch (kind) {
            case "text renamed .jpg" -> "just some notes, saved as photo.jpg".getBytes(StandardCharsets.UTF_8);
            case "zero bytes" -> new byte[0];
            default -> "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>"
                    .getBytes(StandardCharsets.UTF_8);
        };
        Snapshot before = snapshot(id);

        Response refused = upload(id, kind.startsWith("SVG") ? "drawing.svg" : "photo.jpg", bytes, "", "Typed with care", token(id));
        assertThat(refused.statusCode()).isEqualTo(400);
        String page = refused.asString();
        assertThat(page).contains("aria-describedby=\"file-error\"", "value=\"Typed with care\"");
        assertThat(fieldError(page)).contains(switch (kind) {
            case "zero bytes" -> "The file is empty";
            case "SVG with script" -> "SVG, GIF and other formats are not accepted";
            default -> "not a JPEG, PNG or WebP picture";
        });
        assertThat(page).doesNotContain("<script>alert");
        assertThat(snapshot(id)).isEqualTo(before);
    }

    @Test
    void aFiftyMegabyteUploadIsRefusedNamingTheLimitBeforeItIsRead() throws IOException {
        long id = productId(6);
        Snapshot before = snapshot(id);
        // Only the headers and the first 64 KB are ever sent: an answer proves the rest was never waited for.
        String answer = postStart(imagesPath(id), 50L * 1024 * 1024, 64 * 1024);
        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).containsIgnoringCase("content-type: text/html");
        assertThat(answer).contains("Pictures can be at most 10 MB");
        assertThat(snapshot(id)).isEqualTo(before);
    }

    @Test
    void aPictureJustUnderTheLimitIsAccepted() {
        long id = productId(7);
        byte[] large = noisePng(1800, 1800);
        assertThat(large.length).isBetween(9 * 1024 * 1024, 10 * 1024 * 1024);
        assertThat(upload(id, "large.png", large, "", "", token(id)).statusCode()).isEqualTo(303);
        assertThat(db.longValue("SELECT count(*) FROM catalog.product_image WHERE product_id = ? AND content_hash = ?",
                id, Digests.sha256Hex(large))).isEqualTo(1);
    }

    @Test
    void aMultipartPostWithoutTheTokenIsRefusedAndStoresNothing() {
        long id = productId(8);
        Snapshot before = snapshot(id);
        Response refused = upload(id, "front.jpg", TestPictures.of("jpeg", 300, 200, Color.BLUE), "", "", null);
        assertThat(refused.statusCode()).isEqualTo(403);
        Response forged = upload(id, "front.jpg", TestPictures.of("jpeg", 300, 200, Color.BLUE), "", "", "forged-token");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(snapshot(id)).isEqualTo(before);
    }

    @Test
    void picturesAreMovedAndRemovedWithAnAuditEntryEach() {
        long id = productId(9);
        String slug = db.string("SELECT slug FROM catalog.product WHERE id = ?", id);
        db.update("DELETE FROM catalog.product_image WHERE product_id = ?", id);
        byte[] first = TestPictures.of("jpeg", 400, 300, Color.RED);
        byte[] second = TestPictures.of("jpeg", 400, 300, Color.GREEN);
        assertThat(upload(id, "a.jpg", first, "", "First", token(id)).statusCode()).isEqualTo(303);
        assertThat(upload(id, "b.jpg", second, "", "Second", token(id)).statusCode()).isEqualTo(303);
        long secondId = db.longValue("SELECT id FROM catalog.product_image WHERE product_id = ? AND alt_text = 'Second'", id);

        Response moved = admin.browser().submit(imagesPath(id), imagesPath(id) + "/" + secondId + "/move", Map.of("direction", "up"));
        assertThat(moved.statusCode()).isEqualTo(303);
        assertThat(altsInOrder(id)).containsExactly("Second", "First");
        assertThat(admin.browser().submit(imagesPath(id), imagesPath(id) + "/" + secondId + "/move",
                Map.of("direction", "sideways")).statusCode()).isEqualTo(400);

        Response removed = admin.browser().submit(imagesPath(id), imagesPath(id) + "/" + secondId + "/remove", Map.of());
        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(admin.browser().get(removed.header("Location")).asString()).contains("Picture removed");
        assertThat(altsInOrder(id)).containsExactly("First");
        // The original stays: keys are content hashes, and another product may show the same picture.
        assertThat(keysUnder("media/products/" + Digests.sha256Hex(second) + "/")).isNotEmpty();

        assertThat(db.rows("SELECT action FROM backoffice.audit_entry WHERE subject = ? AND action LIKE 'product.image-%'"
                + " ORDER BY id", slug).stream().map(r -> (String) r.getFirst()).toList())
                .endsWith("product.image-added", "product.image-added", "product.image-moved", "product.image-removed");
    }

    @Test
    void customersCannotUpload() {
        long id = productId(8);
        Shopper customer = Staff.signedInCustomer();
        assertThat(customer.get(imagesPath(id)).statusCode()).isEqualTo(403);
        Snapshot before = snapshot(id);
        Response refused = customer.keep(customer.request().multiPart("csrf-token", customer.csrfToken("/account"))
                .multiPart("file", "x.jpg", TestPictures.of("jpeg", 100, 100, Color.CYAN), "image/jpeg").post(imagesPath(id)));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(snapshot(id)).isEqualTo(before);
    }

    /** What an upload could have added: the bucket's originals and the product's rows. */
    private record Snapshot(Set<String> originals, long rows) {
    }

    private Snapshot snapshot(long productId) {
        Set<String> originals = keysUnder("media/").stream().filter(key -> key.contains("/original.")).collect(Collectors.toSet());
        return new Snapshot(originals, db.longValue("SELECT count(*) FROM catalog.product_image WHERE product_id = ?", productId));
    }

    private long productId(int offset) {
        return db.longValue("SELECT id FROM catalog.product WHERE status = 'active' ORDER BY id DESC LIMIT 1 OFFSET ?", offset);
    }

    private static String imagesPath(long id) {
        return "/admin/products/" + id + "/images";
    }

    private static String token(long id) {
        return admin.browser().csrfToken(imagesPath(id));
    }

    /** Posts the upload form as a browser does; a null token leaves the field out. */
    private static Response upload(long id, String fileName, byte[] bytes, String colour, String alt, String token) {
        var request = admin.browser().request().accept("text/html")
                .multiPart("file", fileName, bytes, fileName.endsWith(".png") ? "image/png" : "image/jpeg")
                .multiPart("colour", colour).multiPart("alt", alt);
        if (token != null) {
            request = request.multiPart("csrf-token", token);
        }
        return admin.browser().keep(request.post(imagesPath(id)));
    }

    private List<String> altsInOrder(long id) {
        return db.rows("SELECT alt_text FROM catalog.product_image WHERE product_id = ? ORDER BY position, id", id).stream()
                .map(r -> (String) r.getFirst()).toList();
    }

    private Set<String> keysUnder(String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream().map(S3Object::key)
                .collect(Collectors.toSet());
    }

    private static String fieldError(String page) {
        Matcher m = Pattern.compile("<p class=\"field-error\" id=\"file-error\">([^<]*)</p>").matcher(page);
        assertThat(m.find()).as("an error next to the file field").isTrue();
        return m.group(1);
    }

    private static String rowOf(String page, long imageId) {
        int start = page.indexOf("<tr id=\"picture-" + imageId + "\"");
        assertThat(start).as("row of picture %d", imageId).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    /** A PNG of random pixels: barely compressible, so its size is close to width × height × 3 bytes. */
    private static byte[] noisePng(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Announces a multipart body of {@code announced} bytes, sends only {@code sent} of them and returns the answer. */
    private static String postStart(String path, long announced, int sent) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", RawHttp.port()), 10_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            String start = "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.jpg\"\r\n"
                    + "Content-Type: image/jpeg\r\n\r\n";
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                    + "Content-Type: multipart/form-data; boundary=b0undary\r\nContent-Length: " + announced + "\r\n\r\n" + start)
                    .getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(new byte[sent]);
                out.flush();
            } catch (IOException refusedMidway) {
                // the answer came first: what follows reads it
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(StandardCharsets.UTF_8).contains("</html>")) {
                        break;
                    }
                }
            } catch (IOException reset) {
                // a reset after the answer arrived
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
