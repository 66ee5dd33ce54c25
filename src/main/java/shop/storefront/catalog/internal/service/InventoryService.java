package shop.storefront.catalog.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import shop.storefront.catalog.Inventory;
import shop.storefront.catalog.ProductChanged;
import shop.storefront.catalog.internal.domain.Variant;
import shop.storefront.platform.Money;

/** Price and stock changes; cached pages are refreshed once the change is committed. */
@ApplicationScoped
public class InventoryService implements Inventory {

    private final Event<ProductChanged> changes;
    private final CatalogCache cache;

    InventoryService(Event<ProductChanged> changes, CatalogCache cache) {
        this.changes = changes;
        this.cache = cache;
    }

    @Override
    @Transactional
    public void setStock(String sku, int onHand) {
        if (onHand < 0) {
            throw new IllegalArgumentException("Stock cannot be negative: " + onHand);
        }
        Variant variant = variant(sku);
        // Listings show only whether a product is in stock, so they change only when that flips.
        boolean availabilityFlips = (variant.stockOnHand > 0) != (onHand > 0);
        variant.stockOnHand = onHand;
        changes.fire(new ProductChanged(variant.product.slug, availabilityFlips));
    }

    @Override
    @Transactional
    public void setPrice(String sku, Money price) {
        if (price.amount().signum() < 0) {
            throw new IllegalArgumentException("Price cannot be negative: " + price.amount());
        }
        Variant variant = variant(sku);
        variant.priceAmount = price.amount();
        variant.currency = price.currency();
        changes.fire(new ProductChanged(variant.product.slug, true));
    }

    /** After commit only: invalidating earlier would let a concurrent reader cache the old rows again. */
    void refreshCaches(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProductChanged changed) {
        cache.invalidate(CatalogService.productScope(changed.slug()));
        if (changed.listingsAffected()) {
            cache.invalidate(CatalogService.LISTINGS);
        }
    }

    private static Variant variant(String sku) {
        return Variant.findBySku(sku).orElseThrow(() -> new IllegalArgumentException("Unknown SKU: " + sku));
    }
}
