package shop.storefront.catalog.internal.images;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How stored images are named and which thumbnails each original gets. Keys are content-addressed
 * ({@code products/<sha256 of the original>/original.jpg}, {@code …/w480.webp}), so an object under a key never
 * changes: every URL can be cached for good, and the same picture uploaded twice is stored once.
 */
public final class Renditions {

    /** Thumbnail widths: a phone's listing card, a product page column, a wide screen's main picture. */
    public static final List<Integer> WIDTHS = List.of(160, 480, 1200);

    private static final Pattern KEY = Pattern.compile(
            "products/([0-9a-f]{64})/(?:original\\.(jpg|png|webp)|w([1-9][0-9]{0,3})\\.(jpg|webp))");

    private Renditions() {
    }

    /** One object that a key names: whose content it derives from, and what it holds. */
    public record Key(String contentHash, ImageFormat format, Integer thumbnailWidth) {

        /** Strong validator for HTTP: the content hash, plus the thumbnail it is for. */
        public String etag() {
            return thumbnailWidth == null ? contentHash : contentHash + "-w" + thumbnailWidth + "-" + format.extension();
        }
    }

    public static String originalKey(String contentHash, ImageFormat format) {
        return "products/" + contentHash + "/original." + format.extension();
    }

    public static String thumbnailKey(String contentHash, int width, ImageFormat format) {
        return "products/" + contentHash + "/w" + width + "." + format.extension();
    }

    /** The key's parts if it is one this application writes; anything else (a client's guess) is empty. */
    public static Optional<Key> parse(String key) {
        Matcher m = key == null || key.length() > 120 ? null : KEY.matcher(key);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        if (m.group(2) != null) {
            return ImageFormat.byExtension(m.group(2)).map(f -> new Key(m.group(1), f, null));
        }
        return ImageFormat.byExtension(m.group(4)).map(f -> new Key(m.group(1), f, Integer.valueOf(m.group(3))));
    }

    /**
     * Thumbnail widths for an original this wide: each standard width below it, and the original's own width when
     * it is narrower than the largest (re-encoded, usually far smaller than an upload). Never wider than the
     * original: upscaling adds bytes, not detail.
     */
    public static List<Integer> widthsFor(int originalWidth) {
        List<Integer> widths = new ArrayList<>();
        WIDTHS.stream().filter(w -> w < originalWidth).forEach(widths::add);
        if (originalWidth < WIDTHS.getLast()) {
            widths.add(originalWidth);
        }
        return widths;
    }

    /** The height of a thumbnail {@code width} wide, keeping the original's proportions. */
    public static int heightAt(int width, int originalWidth, int originalHeight) {
        return Math.max(1, Math.round((float) originalHeight * width / originalWidth));
    }
}
