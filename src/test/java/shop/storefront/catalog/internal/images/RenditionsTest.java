package shop.storefront.catalog.internal.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Thumbnail widths never exceed the original; only keys of the shape the app writes are accepted. */
class RenditionsTest {

    private static final String HASH = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    @ParameterizedTest(name = "{0} px wide → {1}")
    @CsvSource(delimiter = '|', value = {"4000 | 160 480 1200", "1200 | 160 480", "1201 | 160 480 1200",
            "480 | 160 480", "600 | 160 480 600", "100 | 100", "160 | 160"})
    void widthsNeverUpscale(int original, String expected) {
        List<Integer> widths = Arrays.stream(expected.split(" ")).map(Integer::valueOf).toList();
        assertThat(Renditions.widthsFor(original)).isEqualTo(widths);
        assertThat(Renditions.widthsFor(original)).allMatch(w -> w <= original);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"products/" + "a" + "/original.jpg", "products/" + HASH + "/original.gif",
            "products/" + HASH + "/../secret", "products/" + HASH + "/w0.jpg", "products/" + HASH + "/w480.png",
            "products/" + HASH + "/original.jpg/", "../products/" + HASH + "/original.jpg", "placeholder/jacket/2b2b2b.svg",
            "products/" + HASH + "/w12345.jpg", "products/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/original.jpg", ""})
    void refusesKeysItNeverWrites(String key) {
        assertThat(Renditions.parse(key)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"original.jpg | JPEG |", "original.webp | WEBP |", "original.png | PNG |",
            "w480.webp | WEBP | 480", "w160.jpg | JPEG | 160"})
    void readsItsOwnKeys(String file, ImageFormat format, Integer width) {
        Renditions.Key key = Renditions.parse("products/" + HASH + "/" + file).orElseThrow();
        assertThat(key.format()).isEqualTo(format);
        assertThat(key.thumbnailWidth()).isEqualTo(width);
        assertThat(key.etag()).isEqualTo(width == null ? HASH : HASH + "-w" + width + "-" + format.extension());
    }
}
