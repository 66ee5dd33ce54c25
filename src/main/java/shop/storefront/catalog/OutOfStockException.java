package shop.storefront.catalog;

import java.util.List;
import shop.storefront.platform.Refused;

/** A reservation that stock cannot cover; names the SKUs that fell short. Nothing was reserved. */
public class OutOfStockException extends Refused {

    private final List<String> skus;

    public OutOfStockException(List<String> skus) {
        super("sku", "Sold out: " + String.join(", ", skus) + ". Nothing was reserved.");
        this.skus = List.copyOf(skus);
    }

    public List<String> skus() {
        return skus;
    }
}
