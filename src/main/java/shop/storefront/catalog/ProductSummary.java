package shop.storefront.catalog;

import java.util.List;
import java.util.stream.Collectors;
import shop.storefront.platform.Money;

/**
 * A product as shown in listings: the lowest variant price, how the card shows its price ({@code price}, null
 * without variants) and whether any variant is in stock.
 */
public record ProductSummary(String slug, String name, String brand, Money fromPrice, PriceDisplay price, boolean inStock,
        Image image) {

    public ProductSummary {
        // A card read back from a cache entry written without a price display still shows its lowest price.
        if (price == null && fromPrice != null) {
            price = PriceDisplay.of(fromPrice, null);
        }
    }

    public String path() {
        return "/product/" + slug;
    }

    /**
     * A picture, already resolved to URLs: {@code url} with {@code width} × {@code height} (the original's size, so
     * pages reserve its space before it loads) and the thumbnails in {@code sources} once they exist. {@code colour}
     * is the colour it shows, or null for the product as a whole.
     */
    public record Image(String url, String alt, int width, int height, String colour, List<Source> sources) {

        /** One thumbnail: its URL, media type and size in pixels. */
        public record Source(String url, String type, int width, int height) {
        }

        /** The JPEG thumbnails as an {@code srcset}; empty until they exist. */
        public String srcset() {
            return srcset("image/jpeg");
        }

        /** The WebP thumbnails as an {@code srcset}; empty when there are none. */
        public String webpSrcset() {
            return srcset("image/webp");
        }

        private String srcset(String type) {
            return sources == null ? "" : sources.stream().filter(s -> s.type().equals(type))
                    .map(s -> s.url() + " " + s.width() + "w").collect(Collectors.joining(", "));
        }
    }
}
