package shop.storefront.catalog.internal.images;

import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import shop.storefront.catalog.internal.ImagesConfig;
import shop.storefront.platform.Digests;
import shop.storefront.platform.InvalidInput;

/**
 * Decides whether uploaded bytes are a picture the shop stores, cheapest check first: not empty, not too large, a
 * JPEG, PNG or WebP signature, a header whose size in pixels is sane (read before decoding, so a decompression bomb
 * is refused without allocating its pixels), and finally a complete decode, which proves the file is a whole
 * picture rather than something with a picture's first bytes. Each refusal names the form field.
 */
@ApplicationScoped
public class ImageChecks {

    /** Pixels decoded at most when proving a file: larger pictures are read subsampled, still end to end. */
    static final long PROOF_PIXELS = 4_000_000;

    private final long maxBytes;
    private final long maxPixels;

    ImageChecks(ImagesConfig config) {
        this.maxBytes = config.maxUploadSize().asLongValue();
        this.maxPixels = config.maxPixels();
    }

    public CheckedImage check(String field, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInput(field, "The file is empty. Choose a JPEG, PNG or WebP picture.");
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(field, maxBytes);
        }
        ImageFormat format = ImageFormat.sniff(bytes).orElseThrow(() -> new InvalidInput(field,
                "The file is not a JPEG, PNG or WebP picture (its content decides, not its name). SVG, GIF and other"
                        + " formats are not accepted."));
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = reader(format);
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > maxPixels) {
                    throw new InvalidInput(field, "The picture is %d × %d pixels; at most %d megapixels are accepted."
                            .formatted(width, height, maxPixels / 1_000_000));
                }
                decodeWhole(reader, width, height);
                return new CheckedImage(bytes, format, width, height, Digests.sha256Hex(bytes));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInput refusal) {
                throw refusal;
            }
            throw new InvalidInput(field, "The file looks like a " + format.name()
                    + " picture but cannot be read: it is damaged or incomplete. Save it again and upload it once more.");
        }
    }

    /** The refusal for a file over the limit. */
    public static InvalidInput tooLarge(String field, long maxBytes) {
        return new InvalidInput(field, tooLargeMessage(maxBytes));
    }

    /** What a sender of a too-large picture is told, here and by the web edge when it refuses the whole upload. */
    public static String tooLargeMessage(long maxBytes) {
        return "Pictures can be at most " + inWords(maxBytes) + ". Upload a smaller picture (or save it as a JPEG).";
    }

    /** "10 MB", "1.5 MB", "500 KB". */
    public static String inWords(long bytes) {
        long mib = 1024 * 1024;
        if (bytes >= mib) {
            return bytes % mib == 0 ? bytes / mib + " MB" : "%.1f MB".formatted((double) bytes / mib);
        }
        return Math.max(1, bytes / 1024) + " KB";
    }

    private static ImageReader reader(ImageFormat format) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(format.mediaType());
        if (!readers.hasNext()) {
            throw new IOException("No ImageIO reader for " + format);
        }
        return readers.next();
    }

    /**
     * Reads every byte of the picture. Decoders report a truncated file as a warning and hand back a picture with
     * a grey end, so a warning counts as a failure here.
     */
    private static void decodeWhole(ImageReader reader, int width, int height) throws IOException {
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        ImageReadParam param = reader.getDefaultReadParam();
        int step = subsampling((long) width * height, PROOF_PIXELS);
        param.setSourceSubsampling(step, step, 0, 0);
        BufferedImage image = reader.read(0, param);
        if (image == null || !warnings.isEmpty()) {
            throw new IOException("Decoding reported: " + warnings);
        }
    }

    /** Every n-th pixel in each direction, so that at most {@code budget} pixels are decoded. */
    static int subsampling(long pixels, long budget) {
        return (int) Math.max(1, Math.ceil(Math.sqrt((double) pixels / budget)));
    }
}
