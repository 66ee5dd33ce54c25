package shop.storefront.catalog.internal.images;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Decoding, scaling (Thumbnailator) and encoding of thumbnails. WebP is written by libwebp through the
 * {@code webp-imageio} plug-in; where its native library cannot load, thumbnails are JPEG only and pages offer
 * no WebP.
 */
final class Thumbnails {

    /**
     * Formats written: WebP for the browsers that take it (all current ones), when this platform can encode it, and
     * JPEG for the rest.
     */
    static final List<ImageFormat> FORMATS = ImageIO.getImageWritersByMIMEType(ImageFormat.WEBP.mediaType()).hasNext()
            ? List.of(ImageFormat.WEBP, ImageFormat.JPEG) : List.of(ImageFormat.JPEG);
    private static final float QUALITY = 0.82f;

    private Thumbnails() {
    }

    /**
     * The picture, subsampled while decoding to about twice the widest thumbnail: no more pixels than scaling
     * down well needs ever sit in memory, however large the original.
     */
    static BufferedImage decode(byte[] bytes, int width, int height, int widest) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new IOException("No reader for a stored original");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, width / (2 * widest));
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }

    /** Scaled to exactly this size, transparency flattened onto white (JPEG has none, and WebP needs none here). */
    static BufferedImage scale(BufferedImage source, int width, int height) throws IOException {
        BufferedImage scaled = net.coobird.thumbnailator.Thumbnails.of(source).forceSize(width, height).asBufferedImage();
        BufferedImage flat = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = flat.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(scaled, 0, 0, null);
        } finally {
            g.dispose();
        }
        return flat;
    }

    static byte[] encode(BufferedImage image, ImageFormat format) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByMIMEType(format.mediaType()).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (param.canWriteCompressed()) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                String[] types = param.getCompressionTypes();
                if (types != null && types.length > 0) {
                    param.setCompressionType(Arrays.asList(types).contains("Lossy") ? "Lossy" : types[0]);
                }
                param.setCompressionQuality(QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
