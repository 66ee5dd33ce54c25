package shop.storefront.catalog.internal.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import shop.storefront.catalog.ProductSummary;
import shop.storefront.catalog.internal.ImagesConfig;
import shop.storefront.platform.ConfigStub;

/** Until thumbnails exist a picture is its original with its size; afterwards srcsets list each thumbnail. */
class ImageUrlsTest {

    private static final String HASH = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private static final String KEY = "products/" + HASH + "/original.png";

    @Test
    void beforeThumbnailsTheOriginalWithItsSize() {
        ProductSummary.Image image = urls(Optional.empty()).image(new ImageUrls.Stored(KEY, "Alt", 2000, 1000, null, false));
        assertThat(image.url()).isEqualTo("/media/" + KEY);
        assertThat(image.width()).isEqualTo(2000);
        assertThat(image.height()).isEqualTo(1000);
        assertThat(image.srcset()).isEmpty();
        assertThat(image.webpSrcset()).isEmpty();
    }

    @Test
    void withThumbnailsEachWidthInBothFormatsUnderTheCdn() {
        ProductSummary.Image image = urls(Optional.of("https://d1.cloudfront.net/"))
                .image(new ImageUrls.Stored(KEY, "Alt", 2000, 1000, "Black", true));
        String base = "https://d1.cloudfront.net/products/" + HASH;
        assertThat(image.srcset()).isEqualTo(base + "/w160.jpg 160w, " + base + "/w480.jpg 480w, " + base + "/w1200.jpg 1200w");
        assertThat(image.webpSrcset()).isEqualTo(base + "/w160.webp 160w, " + base + "/w480.webp 480w, " + base + "/w1200.webp 1200w");
        assertThat(image.url()).isEqualTo(base + "/w480.jpg");
        assertThat(image.sources()).anySatisfy(s -> {
            assertThat(s.width()).isEqualTo(480);
            assertThat(s.height()).isEqualTo(240);
        });
        assertThat(image.colour()).isEqualTo("Black");
    }

    @Test
    void noPictureNoImage() {
        assertThat(urls(Optional.empty()).image(null)).isNull();
    }

    private static ImageUrls urls(Optional<String> baseUrl) {
        return new ImageUrls(ConfigStub.of(ImagesConfig.class, Map.of("baseUrl", baseUrl)));
    }
}
