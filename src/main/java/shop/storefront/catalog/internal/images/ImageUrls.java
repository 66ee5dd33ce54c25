package shop.storefront.catalog.internal.images;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import shop.storefront.catalog.ProductSummary;
import shop.storefront.catalog.internal.ImagesConfig;

/**
 * Turns a stored picture into the URLs pages and the API link: under the CDN's base URL when one is configured,
 * else under the storefront's own {@code /media}. Until its thumbnails exist a picture is linked as its original.
 */
@ApplicationScoped
public class ImageUrls {

    /** The thumbnail linked as the plain {@code src}: sharp in a listing card, small enough for any connection. */
    static final int FALLBACK_WIDTH = 480;

    private final String baseUrl;

    ImageUrls(ImagesConfig config) {
        this.baseUrl = config.baseUrl().map(url -> url.replaceAll("/+$", "")).orElse("/media");
    }

    /** What a query row says about a picture. */
    public record Stored(String storageKey, String alt, int width, int height, String colour, boolean thumbnailsReady) {
    }

    /** The picture's URLs; null when there is no picture ({@code storageKey} null). */
    public ProductSummary.Image image(Stored stored) {
        if (stored == null || stored.storageKey() == null) {
            return null;
        }
        String original = baseUrl + "/" + stored.storageKey();
        Renditions.Key key = Renditions.parse(stored.storageKey()).orElse(null);
        if (!stored.thumbnailsReady() || key == null) {
            return new ProductSummary.Image(original, stored.alt(), stored.width(), stored.height(), stored.colour(), List.of());
        }
        List<ProductSummary.Image.Source> sources = new ArrayList<>();
        for (ImageFormat format : Thumbnails.FORMATS) {
            for (int width : Renditions.widthsFor(stored.width())) {
                sources.add(new ProductSummary.Image.Source(baseUrl + "/" + Renditions.thumbnailKey(key.contentHash(), width, format),
                        format.mediaType(), width, Renditions.heightAt(width, stored.width(), stored.height())));
            }
        }
        String fallback = sources.stream().filter(s -> s.type().equals(ImageFormat.JPEG.mediaType()))
                .min(Comparator.comparingInt(s -> Math.abs(s.width() - FALLBACK_WIDTH))).map(ProductSummary.Image.Source::url)
                .orElse(original);
        return new ProductSummary.Image(fallback, stored.alt(), stored.width(), stored.height(), stored.colour(), sources);
    }
}
