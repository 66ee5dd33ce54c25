package shop.storefront.catalog.internal.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The format comes from the file's first bytes only: one row per signature, near miss and impostor. */
class ImageFormatTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "JPEG (JFIF)                    | ffd8ffe000104a464946   | JPEG",
            "JPEG (Exif)                    | ffd8ffe1fffe45786966   | JPEG",
            "PNG                            | 89504e470d0a1a0a0000   | PNG",
            "WebP                           | 524946460000000057454250 | WEBP",
            "RIFF but a WAV file            | 524946460000000057415645 | ",
            "RIFF cut short                 | 5249464600000000       | ",
            "PNG without its line endings   | 89504e47               | ",
            "JPEG's first two bytes only    | ffd8                   | ",
            "GIF                            | 474946383961           | ",
            "SVG                            | 3c7376672078           | ",
            "XML then SVG                   | 3c3f786d6c             | ",
            "text (a .jpg by name)          | 68656c6c6f             | ",
            "BMP                            | 424d                   | ",
            "nothing                        | ''                     | "})
    void sniffsBySignature(String file, String hex, String expected) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        Optional<ImageFormat> sniffed = ImageFormat.sniff(bytes);
        assertThat(sniffed.map(Enum::name).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
            "GIF89a",
            "%PDF-1.7"})
    void textAndOtherFormatsAreNoImage(String content) {
        assertThat(ImageFormat.sniff(content.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
