package shop.storefront.catalog.internal.images;

import java.util.Arrays;
import java.util.Optional;

/**
 * The picture formats the shop stores, recognised by the first bytes of the file (its signature): a file's name and
 * the Content-Type its sender claims are both written by the sender, so neither decides.
 */
public enum ImageFormat {
    JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    /** RIFF container (bytes 0–3), size (4–7), then "WEBP" (8–11). */
    WEBP("image/webp", "webp", "RIFF".getBytes());

    private static final byte[] WEBP_TAG = "WEBP".getBytes();

    private final String mediaType;
    private final String extension;
    private final byte[] signature;

    ImageFormat(String mediaType, String extension, byte[] signature) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.signature = signature;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Used in object keys and URLs, which therefore say what they hold. */
    public String extension() {
        return extension;
    }

    /** The format whose signature the bytes start with; empty for anything else (SVG, GIF, text, …). */
    public static Optional<ImageFormat> sniff(byte[] bytes) {
        for (ImageFormat format : values()) {
            if (startsWith(bytes, format.signature, 0) && (format != WEBP || startsWith(bytes, WEBP_TAG, 8))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    static Optional<ImageFormat> byExtension(String extension) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix, int at) {
        return bytes.length >= at + prefix.length && Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
    }
}
