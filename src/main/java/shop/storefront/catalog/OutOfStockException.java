package shop.storefront.catalog;

import java.util.List;
import shop.storefront.web.ShopperFacingException;

/** A reservation that stock cannot cover; names the SKUs that fell short. Nothing was reserved. */
public class OutOfStockException extends ShopperFacingException {

    private final List<String> skus;

    public OutOfStockException(List<String> skus) {
        super(409, "sku", "Sold out: " + String.join(", ", skus) + ". Nothing was reserved.");
        this.skus = List.copyOf(skus);
    }

    public List<String> skus() {
        return skus;
    }
}
