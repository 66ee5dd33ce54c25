package shop.storefront.catalog.internal.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.MemorySize;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import shop.storefront.catalog.internal.ImagesConfig;
import shop.storefront.platform.ConfigStub;
import shop.storefront.platform.InvalidInput;

/** Every kind of bad file is refused with a message naming the field; good files of each format pass. */
class ImageChecksTest {

    private static final ImageChecks CHECKS = new ImageChecks(ConfigStub.of(ImagesConfig.class,
            Map.of("maxUploadSize", new MemorySize(BigInteger.valueOf(10L * 1024 * 1024)), "maxPixels", 50_000_000L)));

    @ParameterizedTest(name = "{0}")
    @CsvSource({"jpeg, JPEG, 640, 480", "png, PNG, 300, 200", "webp, WEBP, 200, 300"})
    void picturesOfEachFormatPassWithTheirSize(String writer, ImageFormat format, int width, int height) {
        CheckedImage checked = CHECKS.check("file", TestPictures.of(writer, width, height, Color.BLUE));
        assertThat(checked.format()).isEqualTo(format);
        assertThat(checked.width()).isEqualTo(width);
        assertThat(checked.height()).isEqualTo(height);
        assertThat(checked.contentHash()).matches("[0-9a-f]{64}");
        assertThat(checked.originalKey()).isEqualTo("products/" + checked.contentHash() + "/original." + format.extension());
    }

    static java.util.stream.Stream<Arguments> badFiles() {
        return java.util.stream.Stream.of(
                bad("zero bytes", () -> new byte[0], "The file is empty"),
                bad("text renamed .jpg", () -> "just some text, saved as photo.jpg".getBytes(StandardCharsets.UTF_8),
                        "not a JPEG, PNG or WebP picture"),
                bad("SVG with a script", () -> ("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)"
                        + "</script></svg>").getBytes(StandardCharsets.UTF_8), "SVG, GIF and other formats are not accepted"),
                bad("GIF", () -> TestPictures.of("gif", 20, 20, Color.RED), "not a JPEG, PNG or WebP picture"),
                bad("11 MB", () -> Arrays.copyOf(TestPictures.of("jpeg", 20, 20, Color.RED), 11 * 1024 * 1024),
                        "Pictures can be at most 10 MB"),
                bad("truncated JPEG", () -> half(TestPictures.of("jpeg", 400, 300, Color.GREEN)), "damaged or incomplete"),
                bad("truncated PNG", () -> half(TestPictures.of("png", 400, 300, Color.GREEN)), "damaged or incomplete"),
                bad("JPEG signature then garbage", () -> withTail(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, 500),
                        "damaged or incomplete"),
                bad("PNG header announcing 100000 × 100000 pixels", () -> pngHeader(100_000, 100_000), "at most 50 megapixels"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badFilesAreRefusedNamingTheField(String file, Supplier<byte[]> bytes, String message) {
        assertThatThrownBy(() -> CHECKS.check("file", bytes.get())).isInstanceOfSatisfying(InvalidInput.class, refusal -> {
            assertThat(refusal.field()).isEqualTo("file");
            assertThat(refusal.getMessage()).contains(message);
        });
    }

    private static Arguments bad(String name, Supplier<byte[]> bytes, String message) {
        return Arguments.of(name, bytes, message);
    }

    private static byte[] half(byte[] bytes) {
        return Arrays.copyOf(bytes, bytes.length / 2);
    }

    private static byte[] withTail(byte[] head, int length) {
        byte[] bytes = Arrays.copyOf(head, length);
        Arrays.fill(bytes, head.length, length, (byte) 0x41);
        return bytes;
    }

    /** A PNG signature and a valid IHDR chunk claiming a huge picture, with no pixel data: a decompression bomb's head. */
    private static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        out.writeBytes(ByteBuffer.allocate(4).putInt(13).array());
        out.writeBytes(ihdr.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }
}
