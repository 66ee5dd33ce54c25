package shop.storefront.catalog;

/**
 * Fired (CDI event) when a product's price, stock or content changed. {@code listingsAffected} is false
 * when only detail-page data moved (e.g. stock 5 → 4), so listings stay cached through busy sales.
 */
public record ProductChanged(String slug, boolean listingsAffected) {
}
