package shop.storefront.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * WCAG 2.2 "focus appearance" asks a focus indicator to contrast at least 3:1 with what surrounds it: the page
 * background and the white panels (header, cards, filters) the controls sit on. Computed from site.css itself, so a
 * colour change that makes the ring faint fails here.
 */
class FocusRingContrastTest {

    private static final String WHITE = "#ffffff";

    @Test
    void theFocusRingStandsOutFromThePageAndItsPanels() throws IOException {
        String css = siteCss();
        assertThat(css).contains(":focus-visible { outline: 3px solid var(--focus);");
        String ring = variable(css, "focus");
        assertThat(contrast(ring, variable(css, "bg"))).isGreaterThanOrEqualTo(3.0);
        assertThat(contrast(ring, WHITE)).isGreaterThanOrEqualTo(3.0);
    }

    @Test
    void contrastIsComputedAsWcagDefinesIt() {
        assertThat(contrast("#000000", "#ffffff")).isEqualTo(21.0, org.assertj.core.data.Offset.offset(0.001));
        assertThat(contrast("#777777", "#ffffff")).isEqualTo(4.48, org.assertj.core.data.Offset.offset(0.01));
        // The old yellow ring on the page background: clearly too faint.
        assertThat(contrast("#ffbf47", "#fafafa")).isLessThan(3.0);
    }

    private static String siteCss() throws IOException {
        try (InputStream in = FocusRingContrastTest.class.getResourceAsStream("/META-INF/resources/css/site.css")) {
            assertThat(in).as("site.css on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String variable(String css, String name) {
        Matcher m = Pattern.compile("--" + name + ":\\s*(#[0-9a-fA-F]{6})\\s*;").matcher(css);
        assertThat(m.find()).as("--" + name + " as a six-digit colour in site.css").isTrue();
        return m.group(1);
    }

    /** WCAG 2 contrast ratio: (L1 + 0.05) / (L2 + 0.05) of the relative luminances, lighter first. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
