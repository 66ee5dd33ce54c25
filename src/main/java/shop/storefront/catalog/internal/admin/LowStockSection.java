package shop.storefront.catalog.internal.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.List;
import shop.storefront.backoffice.DashboardSection;
import shop.storefront.catalog.internal.service.InventoryService;

/**
 * SKUs shoppers can still see that are at or below the level that sends a low-stock alert, lowest first: what to
 * reorder next. Each line leads to its product's editor, where stock is adjusted.
 */
@ApplicationScoped
class LowStockSection implements DashboardSection {

    static final int SHOWN = 10;

    private final EntityManager em;
    private final int threshold;

    LowStockSection(EntityManager em, InventoryService inventory) {
        this.em = em;
        this.threshold = inventory.lowStockThreshold();
    }

    @Override
    public int position() {
        return 200;
    }

    @Override
    public String heading() {
        return "Low stock (" + threshold + " or fewer)";
    }

    @Override
    @Transactional
    public List<Line> lines() {
        List<Tuple> rows = em.createNativeQuery("""
                SELECT v.sku AS sku, p.name AS name, p.id AS product_id, v.stock_on_hand AS stock
                  FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id
                 WHERE p.status = 'active' AND v.stock_on_hand <= :threshold
                 ORDER BY v.stock_on_hand, v.sku
                 LIMIT :shown""", Tuple.class)
                .setParameter("threshold", threshold).setParameter("shown", SHOWN).getResultList();
        return rows.stream().map(r -> new Line(r.get("sku") + " · " + r.get("name"),
                ((Number) r.get("stock")).intValue() == 0 ? "sold out" : r.get("stock") + " left",
                "/admin/products/" + r.get("product_id"))).toList();
    }

    @Override
    public String whenEmpty() {
        return "No product in the shop is low on stock.";
    }
}
