package shop.storefront.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read side of the catalog, as other modules and the web layer see it. Results may come from cache. */
public interface Catalog {

    /** Top-level categories with their sub-categories, in display order. */
    List<CategoryNode> categoryTree();

    Optional<CategoryView> category(String slug);

    /** Active products matching the query, with facet counts; the query is already validated. */
    ListingPage products(ListingQuery query);

    /** Featured active products for the home page. */
    List<ProductSummary> featured(int limit);

    /** An active product by slug, with variants, images and breadcrumb. */
    Optional<ProductDetail> product(String slug);

    /**
     * Current price and stock of SKUs of active products, read from the database (never cached): carts and
     * checkout must see what a purchase would cost now. Unknown or unsellable SKUs are absent from the map.
     */
    Map<String, SkuView> skus(Collection<String> skus);
}
