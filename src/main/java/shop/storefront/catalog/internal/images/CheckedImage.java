package shop.storefront.catalog.internal.images;

/** An upload that passed every check: its format, size in pixels and content hash (SHA-256, hex). */
public record CheckedImage(byte[] bytes, ImageFormat format, int width, int height, String contentHash) {

    public String originalKey() {
        return Renditions.originalKey(contentHash, format);
    }
}
