package shop.storefront.catalog.internal.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import shop.storefront.backoffice.AuditTrail;
import shop.storefront.catalog.ProductSummary;
import shop.storefront.catalog.internal.domain.Product;
import shop.storefront.catalog.internal.domain.ProductImage;
import shop.storefront.catalog.internal.images.ImageUrls;
import shop.storefront.catalog.internal.images.ProductImages;
import shop.storefront.platform.NotFound;

/**
 * Staff changes to a product's pictures: add, remove, reorder. Each is written to the audit trail (subject: the
 * product's slug) in the transaction that makes it. Adding stores the original and queues its thumbnails; it never
 * waits for them.
 */
@ApplicationScoped
public class PictureEditor {

    private final ProductImages images;
    private final ImageUrls urls;
    private final AuditTrail audit;

    PictureEditor(ProductImages images, ImageUrls urls, AuditTrail audit) {
        this.images = images;
        this.urls = urls;
        this.audit = audit;
    }

    /** The pictures page: the product, the colours a picture may show, and its pictures in display order. */
    public record PicturesPage(long productId, String name, String slug, List<String> colours, List<PictureRow> pictures) {
    }

    /** One picture as listed: its thumbnail, what it shows and whether its thumbnails are made yet. */
    public record PictureRow(long id, ProductSummary.Image image, String alt, String colour, int position, boolean ready,
            boolean first, boolean last) {

        public String state() {
            return ready ? "ready" : "processing";
        }
    }

    @Transactional
    public PicturesPage page(long productId) {
        Product product = ProductEditor.find(productId);
        List<ProductImage> rows = images.of(productId);
        List<PictureRow> pictures = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ProductImage row = rows.get(i);
            ProductSummary.Image image = urls.image(new ImageUrls.Stored(row.storageKey, row.altText, row.width, row.height,
                    row.colour, row.thumbnailsReady));
            pictures.add(new PictureRow(row.id, image, row.altText, row.colour, i + 1, row.thumbnailsReady, i == 0,
                    i == rows.size() - 1));
        }
        List<String> colours = product.variants.stream().map(v -> v.options.get(ProductImages.COLOUR_OPTION))
                .filter(Objects::nonNull).distinct().sorted().toList();
        return new PicturesPage(product.id, product.name, product.slug, colours, pictures);
    }

    /** Adds a picture after the others; a refused file stores nothing and leaves no trail. */
    @Transactional
    public long add(long productId, String colour, String altText, byte[] bytes) {
        ProductImages.Added added = images.add(productId, colour, altText, bytes);
        ProductImage row = ProductImage.findById(added.id());
        audit.record("product.image-added", row.product.slug, describe(row));
        return added.id();
    }

    @Transactional
    public void remove(long productId, long imageId) {
        ProductImage row = find(productId, imageId);
        String slug = row.product.slug;
        String described = describe(row);
        images.remove(productId, imageId);
        audit.record("product.image-removed", slug, described);
    }

    /** Moves a picture one place earlier ({@code -1}) or later ({@code 1}). */
    @Transactional
    public void move(long productId, long imageId, int step) {
        ProductImage row = find(productId, imageId);
        int position = images.move(productId, imageId, step);
        audit.record("product.image-moved", row.product.slug, describe(row) + " now at position " + (position + 1));
    }

    private static ProductImage find(long productId, long imageId) {
        ProductEditor.find(productId);
        return ProductImage.<ProductImage>findByIdOptional(imageId).filter(i -> i.product.id == productId)
                .orElseThrow(() -> new NotFound("image", "This product has no such picture."));
    }

    /** The picture in the trail: its stored original (content-addressed), colour and alt text. */
    private static String describe(ProductImage row) {
        return row.storageKey + (row.colour == null ? ", all colours" : ", colour " + row.colour) + ", alt \"" + row.altText + "\"";
    }
}
