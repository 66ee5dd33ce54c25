package shop.storefront.catalog.internal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where product images are served from. */
@ConfigMapping(prefix = "storefront.images")
public interface ImagesConfig {

    /**
     * Base URL of stored (non-placeholder) product images, e.g. the CDN in front of the bucket. {@code /media} (served
     * by the storefront itself) keeps a single machine working without a CDN.
     */
    @WithDefault("/media")
    String baseUrl();
}
