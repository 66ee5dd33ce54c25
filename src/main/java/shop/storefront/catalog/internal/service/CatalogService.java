package shop.storefront.catalog.internal.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import shop.storefront.catalog.Catalog;
import shop.storefront.catalog.CategoryNode;
import shop.storefront.catalog.CategoryView;
import shop.storefront.catalog.ListingPage;
import shop.storefront.catalog.ListingQuery;
import shop.storefront.catalog.ProductDetail;
import shop.storefront.catalog.ProductSummary;
import shop.storefront.catalog.SkuView;
import shop.storefront.catalog.internal.domain.Category;
import shop.storefront.catalog.internal.domain.Product;
import shop.storefront.catalog.internal.images.ImageUrls;
import shop.storefront.platform.DatabaseOutage;
import shop.storefront.platform.Money;
import shop.storefront.platform.TemporarilyUnavailable;

/** The catalog's read API: cached in Redis, loaded from PostgreSQL on a miss (the replica while the primary is down). */
@ApplicationScoped
public class CatalogService implements Catalog {

    private static final Logger LOG = Logger.getLogger(CatalogService.class);
    /** Cache scope of everything that lists several products; product pages have one scope each. */
    static final String LISTINGS = "listings";
    /** What a category or product slug can look like (the database enforces the same). */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final CatalogCache cache;
    private final ProductListings listings;
    private final ReplicaReads replica;
    private final ImageUrls images;

    CatalogService(CatalogCache cache, ProductListings listings, ReplicaReads replica, ImageUrls images) {
        this.cache = cache;
        this.listings = listings;
        this.replica = replica;
        this.images = images;
    }

    @Override
    public List<CategoryNode> categoryTree() {
        return tree().roots();
    }

    @Override
    public Optional<CategoryView> category(String slug) {
        if (!isSlug(slug)) {
            return Optional.empty();
        }
        CategoryTree tree = tree();
        return tree.bySlug(slug).map(row -> new CategoryView(row.slug(), row.name(), row.description(),
                tree.breadcrumb(row.id()), tree.childrenOf(row.id())));
    }

    @Override
    public ListingPage products(ListingQuery query) {
        return cache.get(LISTINGS, "page:" + query, cache.type(ListingPage.class), () -> load(query));
    }

    @Override
    public List<ProductSummary> featured(int limit) {
        return cache.get(LISTINGS, "featured:" + limit, cache.listOf(ProductSummary.class),
                () -> replica.read(() -> listings.featured(limit)));
    }

    @Override
    public Optional<ProductDetail> product(String slug) {
        if (!isSlug(slug)) {
            // Not a slug at all (e.g. a NUL byte): no lookup, simply no such product.
            return Optional.empty();
        }
        // Unknown slugs are not cached: they cost one indexed lookup and cannot grow the cache.
        ProductDetail detail = cache.get(productScope(slug), slug, cache.type(ProductDetail.class), () -> primaryOrReplica(
                () -> QuarkusTransaction.requiringNew().call(() -> loadProduct(Product.findActiveWithVariants(slug))),
                () -> loadProduct(Product.findActiveWithVariants(replica.em(), slug))));
        return Optional.ofNullable(detail);
    }

    @Override
    public Map<String, SkuView> skus(Collection<String> skus) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        return primaryOrReplica(() -> QuarkusTransaction.requiringNew().call(() -> listings.skus(skus)),
                () -> listings.skusOnReplica(skus));
    }

    /**
     * A read of the primary (the latest prices and stock) that, while the primary is out of reach, is made on the read
     * replica where one is configured: the catalog and carts keep showing during a failover. Without a replica the
     * shopper is told the page cannot be shown for a moment.
     */
    private <T> T primaryOrReplica(Supplier<T> fromPrimary, Supplier<T> fromReplica) {
        try {
            return fromPrimary.get();
        } catch (RuntimeException e) {
            if (!DatabaseOutage.causedBy(e)) {
                throw e;
            }
            if (!replica.separate()) {
                throw new TemporarilyUnavailable("This page cannot be shown for a moment. Please try again in a minute;"
                        + " pages you have seen lately still open.", DatabaseOutage.RETRY_AFTER_SECONDS);
            }
            LOG.warnf("Primary database out of reach, reading the catalog from the replica: %s", e.getMessage());
            return replica.read(fromReplica);
        }
    }

    private static boolean isSlug(String slug) {
        return slug != null && slug.length() <= 200 && SLUG.matcher(slug).matches();
    }

    static String productScope(String slug) {
        return "product:" + slug;
    }

    private ListingPage load(ListingQuery query) {
        List<Long> categoryIds = null;
        if (query.categorySlug() != null) {
            CategoryTree tree = tree();
            categoryIds = tree.bySlug(query.categorySlug()).map(row -> tree.selfAndDescendants(row.id())).orElse(List.of(-1L));
        }
        List<Long> categories = categoryIds;
        return replica.read(() -> listings.find(query, categories));
    }

    private CategoryTree tree() {
        return cache.get(LISTINGS, "categories", cache.type(CategoryTree.class), () -> primaryOrReplica(
                () -> QuarkusTransaction.requiringNew().call(() -> loadTree(Category.listAll())),
                () -> loadTree(replica.em().createQuery("from Category", Category.class).getResultList())));
    }

    private static CategoryTree loadTree(List<Category> all) {
        return new CategoryTree(all.stream()
                .map(c -> new CategoryTree.Row(c.id, c.slug, c.name, c.description, c.parentId, c.position)).toList());
    }

    private ProductDetail loadProduct(Optional<Product> found) {
        return found.map(p -> {
            List<ProductSummary.Image> productImages = p.images.stream()
                    .map(i -> images.image(new ImageUrls.Stored(i.storageKey, i.altText, i.width, i.height, i.colour,
                            i.thumbnailsReady))).toList();
            List<ProductDetail.Variant> variants = p.variants.stream()
                    .map(v -> new ProductDetail.Variant(v.sku, v.options, new Money(v.priceAmount, v.currency.trim()),
                            v.compareAtAmount == null ? null : new Money(v.compareAtAmount, v.currency.trim()),
                            v.stockOnHand, v.weightGrams))
                    .toList();
            List<CategoryView.Crumb> crumbs = tree().breadcrumb(p.category.id);
            return new ProductDetail(p.slug, p.name, p.description, p.brand, p.category.slug, crumbs, variants,
                    productImages, p.createdAt, p.updatedAt, p.metaTitle, p.metaDescription);
        }).orElse(null);
    }
}
