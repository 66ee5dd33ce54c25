package shop.storefront.catalog.internal.service;

/**
 * A SKU's stock was set, adjusted or given back in the current transaction (anything but an order taking it): after
 * commit the stock gate checks its counter against the database.
 */
record StockCorrected(String sku) {
}
