package shop.storefront.catalog;

import shop.storefront.platform.Money;

/** A product as shown in listings: the lowest variant price and whether any variant is in stock. */
public record ProductSummary(String slug, String name, String brand, Money fromPrice, boolean inStock, Image image) {

    public String path() {
        return "/product/" + slug;
    }

    /** An image to show, already resolved to a URL. */
    public record Image(String url, String alt) {
    }
}
