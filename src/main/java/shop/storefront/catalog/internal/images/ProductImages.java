package shop.storefront.catalog.internal.images;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;
import shop.storefront.catalog.ProductChanged;
import shop.storefront.catalog.internal.domain.Product;
import shop.storefront.catalog.internal.domain.ProductImage;
import shop.storefront.messaging.Outbox;
import shop.storefront.platform.FieldText;
import shop.storefront.platform.InvalidInput;
import shop.storefront.platform.NotFound;

/**
 * Adds pictures to products: the upload is checked ({@link ImageChecks}), its original stored under its content
 * hash, a row written and its thumbnails queued on the outbox in the same transaction, so the request never waits
 * for them and they are made even if this instance stops. A refused upload stores nothing.
 */
@ApplicationScoped
public class ProductImages {

    /** Form fields (and JSON properties) the refusals name. */
    public static final String FILE = "file";
    public static final String COLOUR = "colour";
    public static final String ALT_TEXT = "alt";
    /** The variant option whose values pictures may belong to. */
    public static final String COLOUR_OPTION = "colour";
    private static final int MAX_ALT = 300;

    private final ImageChecks checks;
    private final ImageStore store;
    private final Outbox outbox;
    private final Event<ProductChanged> changes;

    ProductImages(ImageChecks checks, ImageStore store, Outbox outbox, Event<ProductChanged> changes) {
        this.checks = checks;
        this.store = store;
        this.outbox = outbox;
        this.changes = changes;
    }

    /** What was added: the row's id and the stored original's key. */
    public record Added(long id, String storageKey) {
    }

    /**
     * Adds a picture after the product's others. {@code colour} (optional) must be one of the product's colours;
     * {@code altText} describes the picture for people who cannot see it (blank: the product's name).
     */
    @Transactional
    public Added add(long productId, String colour, String altText, byte[] bytes) {
        Product product = Product.<Product>findByIdOptional(productId)
                .orElseThrow(() -> new NotFound("product", "There is no such product."));
        String alt = FieldText.optional(ALT_TEXT, "Alt text", altText, MAX_ALT);
        String pictured = colourOf(product, colour);
        CheckedImage image = store(FILE, bytes);
        ProductImage row = new ProductImage();
        row.product = product;
        row.storageKey = image.originalKey();
        row.altText = alt.isEmpty() ? product.name : alt;
        row.colour = pictured;
        row.position = product.images.stream().mapToInt(i -> i.position + 1).max().orElse(0);
        row.width = image.width();
        row.height = image.height();
        row.contentType = image.format().mediaType();
        row.contentHash = image.contentHash();
        row.createdAt = Instant.now();
        row.persist();
        queueThumbnails(image.contentHash(), image.format(), image.width(), image.height());
        changes.fire(new ProductChanged(product.slug, true));
        return new Added(row.id, row.storageKey);
    }

    /** Removes a picture from a product; the stored files stay (another product may show the same picture). */
    @Transactional
    public void remove(long productId, long imageId) {
        ProductImage image = ProductImage.<ProductImage>findByIdOptional(imageId)
                .filter(i -> i.product.id == productId)
                .orElseThrow(() -> new NotFound("image", "This product has no such picture."));
        String slug = image.product.slug;
        image.delete();
        changes.fire(new ProductChanged(slug, true));
    }

    /**
     * Moves a picture one place earlier ({@code -1}) or later ({@code 1}) among the product's pictures; at either end
     * it stays. Positions are renumbered from 0, so gaps left by removed pictures close. Returns its new position.
     */
    @Transactional
    public int move(long productId, long imageId, int step) {
        List<ProductImage> pictures = new ArrayList<>(of(productId));
        int from = IntStream.range(0, pictures.size()).filter(i -> pictures.get(i).id == imageId).findFirst()
                .orElseThrow(() -> new NotFound("image", "This product has no such picture."));
        int to = Math.clamp(from + (long) Integer.signum(step), 0, pictures.size() - 1);
        pictures.add(to, pictures.remove(from));
        for (int i = 0; i < pictures.size(); i++) {
            pictures.get(i).position = i;
        }
        if (to != from) {
            changes.fire(new ProductChanged(pictures.get(to).product.slug, true));
        }
        return to;
    }

    /** A product's pictures in display order. */
    @Transactional
    public List<ProductImage> of(long productId) {
        return ProductImage.list("product.id = ?1 ORDER BY position, id", productId);
    }

    /** Checks an upload and stores its original (once: the key is its content hash). Nothing is stored on refusal. */
    public CheckedImage store(String field, byte[] bytes) {
        CheckedImage image = checks.check(field, bytes);
        store.putIfAbsent(image.originalKey(), image.bytes(), image.format().mediaType());
        return image;
    }

    /** Queues the thumbnails of a stored original, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queueThumbnails(String contentHash, ImageFormat format, int width, int height) {
        outbox.publish(ThumbnailJob.TOPIC, new ThumbnailJob.Original(contentHash, format.name(), width, height));
    }

    private static String colourOf(Product product, String typed) {
        String colour = FieldText.optional(COLOUR, "Colour", typed, 60);
        if (colour.isEmpty()) {
            return null;
        }
        List<String> colours = product.variants.stream().map(v -> v.options.get(COLOUR_OPTION))
                .filter(Objects::nonNull).distinct().toList();
        return colours.stream().filter(c -> c.toLowerCase(Locale.ROOT).equals(colour.toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new InvalidInput(COLOUR, colours.isEmpty()
                        ? "This product has no colours; leave the colour empty."
                        : "This product has no colour \"" + colour + "\"; choose one of " + String.join(", ", colours) + "."));
    }
}
