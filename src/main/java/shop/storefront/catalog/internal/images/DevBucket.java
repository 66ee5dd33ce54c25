package shop.storefront.catalog.internal.images;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import shop.storefront.catalog.internal.ImagesConfig;

/**
 * Creates the images bucket at start-up where {@code storefront.images.create-bucket} says so (dev and test). Runs
 * before the demo catalog is seeded, which stores its pictures there. Production never touches S3 at start-up.
 */
@ApplicationScoped
class DevBucket {

    void onStart(@Observes @Priority(100) StartupEvent start, ImagesConfig config, ImageStore store) {
        if (config.createBucket()) {
            store.createBucketIfMissing();
        }
    }
}
