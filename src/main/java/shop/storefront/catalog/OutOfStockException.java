package shop.storefront.catalog;

import java.util.List;
import shop.storefront.platform.Refused;

/**
 * A reservation that stock cannot cover; names the SKUs that fell short and, where known, what shoppers call them
 * ("Product (options)"). Nothing was reserved.
 */
public class OutOfStockException extends Refused {

    private final List<String> skus;
    private final List<String> names;

    public OutOfStockException(List<String> skus) {
        this(skus, skus);
    }

    /** {@code names} in the order of {@code skus}, one each. */
    public OutOfStockException(List<String> skus, List<String> names) {
        super("sku", "Sold out: " + String.join(", ", names) + ". Nothing was reserved.");
        this.skus = List.copyOf(skus);
        this.names = List.copyOf(names);
    }

    public List<String> skus() {
        return skus;
    }

    /** The shoppers' names of {@link #skus}, in the same order (the SKU itself where no name is known). */
    public List<String> names() {
        return names;
    }
}
