package shop.storefront.catalog.internal.images;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import shop.storefront.catalog.ProductChanged;
import shop.storefront.messaging.MessageHandler;

/**
 * Makes an original's thumbnails ({@link Renditions#widthsFor}, in each of {@link Thumbnails#FORMATS}) and marks
 * every picture with that content as ready. At least once: thumbnails already in the bucket are not made again, so
 * a repeated message (or the same picture on another product) costs one look-up per thumbnail.
 */
@ApplicationScoped
class ThumbnailJob implements MessageHandler<ThumbnailJob.Original> {

    static final String TOPIC = "image-thumbnails";
    private static final Logger LOG = Logger.getLogger(ThumbnailJob.class);

    /** The stored original to make thumbnails of. */
    @RegisterForReflection
    record Original(String contentHash, String format, int width, int height) {
    }

    private record Target(String key, ImageFormat format, int width, int height) {
    }

    private final ImageStore store;
    private final EntityManager em;
    private final Event<ProductChanged> changes;

    ThumbnailJob(ImageStore store, EntityManager em, Event<ProductChanged> changes) {
        this.store = store;
        this.em = em;
        this.changes = changes;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public Class<Original> payloadType() {
        return Original.class;
    }

    @Override
    public void handle(Original original) throws IOException {
        ImageFormat format = ImageFormat.valueOf(original.format());
        List<Target> missing = new ArrayList<>();
        for (int width : Renditions.widthsFor(original.width())) {
            int height = Renditions.heightAt(width, original.width(), original.height());
            for (ImageFormat to : Thumbnails.FORMATS) {
                String key = Renditions.thumbnailKey(original.contentHash(), width, to);
                if (!store.exists(key)) {
                    missing.add(new Target(key, to, width, height));
                }
            }
        }
        if (!missing.isEmpty()) {
            long started = System.nanoTime();
            int widest = missing.stream().mapToInt(Target::width).max().orElseThrow();
            BufferedImage source = Thumbnails.decode(store.read(Renditions.originalKey(original.contentHash(), format)),
                    original.width(), original.height(), widest);
            for (Target target : missing) {
                store.put(target.key(), Thumbnails.encode(Thumbnails.scale(source, target.width(), target.height()), target.format()),
                        target.format().mediaType());
            }
            LOG.debugf("Made %d thumbnails of %s in %d ms", (Object) missing.size(), original.contentHash(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        @SuppressWarnings("unchecked")
        List<String> slugs = em.createNativeQuery("""
                UPDATE catalog.product_image i SET thumbnails_ready = true FROM catalog.product p
                 WHERE p.id = i.product_id AND i.content_hash = :hash AND NOT i.thumbnails_ready
                RETURNING p.slug""").setParameter("hash", original.contentHash()).getResultList();
        slugs.stream().distinct().forEach(slug -> changes.fire(new ProductChanged(slug, true)));
    }
}
