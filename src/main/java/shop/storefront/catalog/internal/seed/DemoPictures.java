package shop.storefront.catalog.internal.seed;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Draws the demo catalog's pictures (Java2D): the product kind's name on its colour. Small (480 px square), so that
 * seeding and its thumbnails cost little start-up time, yet large enough for a product page.
 */
final class DemoPictures {

    static final int SIZE = 480;

    private DemoPictures() {
    }

    static byte[] jpeg(DemoCatalog.Picture picture) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Color background = new Color(Integer.parseInt(picture.hex(), 16));
            g.setColor(background);
            g.fillRect(0, 0, SIZE, SIZE);
            // Light text on dark colours, dark text on light ones (White, Sand), so the label stays readable.
            Color ink = luminance(background) > 0.6 ? new Color(0x2b2b2b) : Color.WHITE;
            g.setColor(new Color(ink.getRed(), ink.getGreen(), ink.getBlue(), 40));
            g.fillOval(SIZE / 2 - 110, 90, 220, 220);
            g.setColor(ink);
            centred(g, picture.kind(), new Font(Font.SANS_SERIF, Font.BOLD, 40), 380);
            centred(g, picture.colour(), new Font(Font.SANS_SERIF, Font.PLAIN, 28), 425);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void centred(Graphics2D g, String text, Font font, int baseline) {
        g.setFont(font);
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(text, (SIZE - metrics.stringWidth(text)) / 2, baseline);
    }

    private static double luminance(Color c) {
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255;
    }
}
