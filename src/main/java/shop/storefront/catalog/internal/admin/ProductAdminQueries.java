package shop.storefront.catalog.internal.admin;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import shop.storefront.catalog.internal.domain.Category;
import shop.storefront.catalog.internal.domain.Product;
import shop.storefront.catalog.internal.domain.StockAdjustment;
import shop.storefront.catalog.internal.domain.Variant;
import shop.storefront.catalog.internal.service.InventoryService;
import shop.storefront.platform.Money;

/** The back office's reads of products, read from the primary (never the cache): staff must see what is stored. */
@ApplicationScoped
public class ProductAdminQueries {

    static final int PAGE_SIZE = 50;
    static final int HISTORY_PER_SKU = 10;

    private final EntityManager em;
    private final int lowStockThreshold;

    ProductAdminQueries(EntityManager em, InventoryService inventory) {
        this.em = em;
        this.lowStockThreshold = inventory.lowStockThreshold();
    }

    @Transactional
    public AdminViews.ProductList list(ProductFilter filter) {
        StringBuilder where = new StringBuilder(" WHERE true");
        Map<String, Object> params = new HashMap<>();
        if (!filter.text().isEmpty()) {
            where.append(" AND (p.name ILIKE :text OR p.brand ILIKE :text OR p.slug ILIKE :text"
                    + " OR EXISTS (SELECT 1 FROM catalog.variant s WHERE s.product_id = p.id AND s.sku ILIKE :text))");
            params.put("text", "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (!filter.status().isEmpty()) {
            where.append(" AND p.status = :status");
            params.put("status", filter.status());
        }
        if (!filter.category().isEmpty()) {
            where.append(" AND p.category_id IN (WITH RECURSIVE tree AS (SELECT id FROM catalog.category WHERE slug = :category"
                    + " UNION ALL SELECT c.id FROM catalog.category c JOIN tree t ON c.parent_id = t.id) SELECT id FROM tree)");
            params.put("category", filter.category());
        }
        Query query = em.createNativeQuery("""
                SELECT p.id AS id, p.name AS name, p.slug AS slug, p.status AS status, c.name AS category,
                       min(v.price_amount) AS min_price, max(v.price_amount) AS max_price, min(v.currency) AS currency,
                       coalesce(sum(v.stock_on_hand), 0) AS stock, count(v.id) AS skus, p.updated_at AS updated_at,
                       count(*) OVER () AS total
                  FROM catalog.product p JOIN catalog.category c ON c.id = p.category_id
                  LEFT JOIN catalog.variant v ON v.product_id = p.id""" + where + "\n" + """
                 GROUP BY p.id, c.name
                 ORDER BY p.updated_at DESC, p.id DESC
                 LIMIT :limit OFFSET :offset""", Tuple.class);
        params.forEach(query::setParameter);
        query.setParameter("limit", PAGE_SIZE).setParameter("offset", (filter.page() - 1) * PAGE_SIZE);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        long total = rows.isEmpty() ? count(where.toString(), params) : ((Number) rows.getFirst().get("total")).longValue();
        List<AdminViews.ProductRow> products = rows.stream().map(ProductAdminQueries::row).toList();
        return new AdminViews.ProductList(products, filter, total, (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
    }

    /** Only for a page past the end, where the window count has no row to ride on. */
    private long count(String where, Map<String, Object> params) {
        Query query = em.createNativeQuery("SELECT count(*) FROM catalog.product p" + where);
        params.forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }

    private static AdminViews.ProductRow row(Tuple t) {
        String currency = t.get("currency", String.class);
        return new AdminViews.ProductRow(((Number) t.get("id")).longValue(), t.get("name", String.class),
                t.get("slug", String.class), t.get("status", String.class), t.get("category", String.class),
                money((BigDecimal) t.get("min_price"), currency), money((BigDecimal) t.get("max_price"), currency),
                ((Number) t.get("stock")).longValue(), ((Number) t.get("skus")).intValue(), instant(t.get("updated_at")));
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp ts -> ts.toInstant();
            default -> throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
        };
    }

    @Transactional
    public AdminViews.ProductEditorData editor(long id) {
        Product product = ProductEditor.find(id);
        List<Variant> variants = Variant.list("product.id", Sort.by("position").and("id"), id);
        List<AdminViews.VariantRow> rows = new ArrayList<>();
        for (Variant v : variants) {
            List<AdminViews.AdjustmentRow> history = StockAdjustment.<StockAdjustment>find("variantId", Sort.descending("at", "id"), v.id)
                    .page(Page.ofSize(HISTORY_PER_SKU)).list().stream()
                    .map(a -> new AdminViews.AdjustmentRow(a.at, a.delta, StockReason.labelOf(a.reason), a.note, a.stockAfter, a.actor))
                    .toList();
            rows.add(new AdminViews.VariantRow(v.id, v.sku, v.options.isEmpty() ? "–" : String.join(" / ", v.options.values()),
                    money(v.priceAmount, v.currency), money(v.compareAtAmount, v.currency), v.weightGrams, v.stockOnHand,
                    v.stockOnHand <= lowStockThreshold, history));
        }
        return new AdminViews.ProductEditorData(product.id, product.name, product.slug, ProductEditor.statusName(product.status),
                ProductForm.of(product).values(), rows);
    }

    @Transactional
    public AdminViews.VariantEditorData variant(long productId, long variantId) {
        Variant variant = VariantEditor.find(productId, variantId);
        return new AdminViews.VariantEditorData(productId, variant.product.name, variant.id, variant.sku, VariantForm.of(variant).values());
    }

    /** The product's name, for a page about one of its forms. */
    @Transactional
    public String productName(long productId) {
        return ProductEditor.find(productId).name;
    }

    /** Every category, parents before their children, labelled with its depth. */
    @Transactional
    public List<AdminViews.CategoryChoice> categories() {
        List<Category> all = Category.list("order by position, name");
        List<AdminViews.CategoryChoice> choices = new ArrayList<>();
        addChildren(all, null, 0, choices);
        return choices;
    }

    private static void addChildren(List<Category> all, Long parent, int depth, List<AdminViews.CategoryChoice> choices) {
        for (Category c : all) {
            if (java.util.Objects.equals(c.parentId, parent)) {
                choices.add(new AdminViews.CategoryChoice(c.slug, "— ".repeat(depth) + c.name));
                addChildren(all, c.id, depth + 1, choices);
            }
        }
    }

    private static Money money(BigDecimal amount, String currency) {
        return amount == null || currency == null ? null : new Money(amount, currency.trim());
    }
}
