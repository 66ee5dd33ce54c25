package shop.storefront.catalog.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import shop.storefront.catalog.ProductSummary;
import shop.storefront.catalog.internal.ImagesConfig;

/**
 * Turns stored image keys into URLs. Keys under {@code placeholder/} are drawn by this application;
 * the rest are objects in the images bucket, served through the CDN origin configured here.
 */
@ApplicationScoped
public class ImageUrls {

    static final String PLACEHOLDER_PREFIX = "placeholder/";

    private final String cdnBaseUrl;

    ImageUrls(ImagesConfig config) {
        this.cdnBaseUrl = config.baseUrl();
    }

    public ProductSummary.Image image(String storageKey, String alt) {
        if (storageKey == null) {
            return null;
        }
        String url = storageKey.startsWith(PLACEHOLDER_PREFIX) ? "/media/" + storageKey : cdnBaseUrl + "/" + storageKey;
        return new ProductSummary.Image(url, alt);
    }
}
