package shop.storefront.catalog.internal.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import shop.storefront.catalog.Inventory;
import shop.storefront.catalog.OutOfStockException;
import shop.storefront.catalog.ProductChanged;
import shop.storefront.catalog.StockClaim;
import shop.storefront.catalog.internal.CatalogConfig;
import shop.storefront.catalog.internal.domain.Variant;
import shop.storefront.messaging.Outbox;
import shop.storefront.platform.Money;
import shop.storefront.platform.NotFound;
import shop.storefront.platform.Refused;

/** Price and stock changes; cached pages are refreshed once the change is committed. */
@ApplicationScoped
public class InventoryService implements Inventory {

    private final Event<ProductChanged> changes;
    private final CatalogCache cache;
    private final EntityManager em;
    private final Outbox outbox;
    private final int lowStockThreshold;
    private final StockGate gate;
    private final Event<StockCorrected> corrected;

    InventoryService(Event<ProductChanged> changes, CatalogCache cache, EntityManager em, Outbox outbox, CatalogConfig config,
            StockGate gate, Event<StockCorrected> corrected) {
        this.gate = gate;
        this.corrected = corrected;
        this.changes = changes;
        this.cache = cache;
        this.em = em;
        this.outbox = outbox;
        this.lowStockThreshold = config.lowStockThreshold();
    }

    @Override
    @Transactional
    public void setStock(String sku, int onHand) {
        if (onHand < 0) {
            throw new IllegalArgumentException("Stock cannot be negative: " + onHand);
        }
        lockProductsOf(List.of(sku));
        Variant variant = variant(sku);
        // Listings show only whether a product is in stock, so they change only when that flips.
        boolean availabilityFlips = (variant.stockOnHand > 0) != (onHand > 0);
        if (onHand != variant.stockOnHand) {
            corrected.fire(new StockCorrected(sku));
        }
        variant.stockOnHand = onHand;
        changes.fire(new ProductChanged(variant.product.slug, availabilityFlips));
    }

    @Override
    @Transactional
    public void setPrice(String sku, Money price) {
        if (price.amount().signum() < 0) {
            throw new IllegalArgumentException("Price cannot be negative: " + price.amount());
        }
        lockProductsOf(List.of(sku));
        Variant variant = variant(sku);
        variant.priceAmount = price.amount();
        variant.currency = price.currency();
        changes.fire(new ProductChanged(variant.product.slug, true));
    }

    /**
     * Decides at the gate from Redis alone when it can: that is how a sale's losers are answered. Only when a counter
     * is new or due for a check does it read the database (a plain read, no lock): it refuses at once what the stock
     * there cannot cover and takes the rest at the gate. SKUs the database does not know go through untouched:
     * {@link #reserve} names them.
     */
    @Override
    public StockClaim claim(String claimId, Map<String, Integer> quantities) {
        Optional<StockClaim> counted = gate.takeCounted(claimId, quantities);
        if (counted.isPresent()) {
            return counted.get();
        }
        Map<String, StockGate.Stock> stock = QuarkusTransaction.joiningExisting().call(() -> stock(quantities.keySet()));
        List<String> shortfall = quantities.entrySet().stream()
                .filter(line -> stock.containsKey(line.getKey()) && stock.get(line.getKey()).onHand() < line.getValue())
                .map(Map.Entry::getKey).sorted().toList();
        if (!shortfall.isEmpty()) {
            throw new OutOfStockException(shortfall, shortfall.stream().map(sku -> stock.get(sku).name()).toList());
        }
        Map<String, Integer> known = new TreeMap<>(quantities);
        known.keySet().retainAll(stock.keySet());
        return gate.take(claimId, known, stock);
    }

    /** Units on hand, restock mark and the shoppers' name ("Product (options)", as carts show it) of these SKUs. */
    private Map<String, StockGate.Stock> stock(Collection<String> skus) {
        List<Tuple> rows = em.createNativeQuery("""
                SELECT v.sku, v.stock_on_hand, (extract(epoch FROM v.restocked_at) * 1000000)::bigint::text AS mark,
                       p.name || coalesce(' (' || nullif((SELECT string_agg(o.value, ' / ') FROM jsonb_each_text(v.options) o), '')
                                           || ')', '') AS name
                  FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id WHERE v.sku IN (:skus)""", Tuple.class)
                .setParameter("skus", skus).getResultList();
        Map<String, StockGate.Stock> stock = new HashMap<>();
        for (Tuple row : rows) {
            int onHand = ((Number) row.get("stock_on_hand")).intValue();
            stock.put((String) row.get("sku"), new StockGate.Stock(onHand, (String) row.get("mark"), (String) row.get("name")));
        }
        return stock;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void reserve(Map<String, Integer> quantities) {
        List<String> shortfall = new ArrayList<>();
        lockProductsOf(quantities.keySet());
        // Sorted, so that two orders touching the same SKUs lock rows in the same order and never deadlock.
        for (Map.Entry<String, Integer> line : new TreeMap<>(quantities).entrySet()) {
            if (line.getValue() == null || line.getValue() < 1) {
                throw new IllegalArgumentException("Reserve at least one unit of " + line.getKey());
            }
            List<Tuple> left = em.createNativeQuery("""
                    UPDATE catalog.variant v SET stock_on_hand = v.stock_on_hand - :quantity
                      FROM catalog.product p
                     WHERE v.sku = :sku AND p.id = v.product_id AND p.status = 'active' AND v.stock_on_hand >= :quantity
                 RETURNING\s""" + StockLeft.COLUMNS, Tuple.class)
                    .setParameter("sku", line.getKey()).setParameter("quantity", line.getValue()).getResultList();
            if (left.isEmpty()) {
                shortfall.add(line.getKey());
            } else {
                StockLeft row = StockLeft.of(left.getFirst());
                int now = row.stockOnHand();
                changes.fire(new ProductChanged(row.slug(), now == 0));
                alertWhenCrossingThreshold(line.getKey(), row.slug(), now + line.getValue(), now);
            }
        }
        if (!shortfall.isEmpty()) {
            throw new OutOfStockException(shortfall);
        }
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(Map<String, Integer> quantities) {
        lockProductsOf(quantities.keySet());
        for (Map.Entry<String, Integer> line : new TreeMap<>(quantities).entrySet()) {
            List<Tuple> now = em.createNativeQuery("""
                    UPDATE catalog.variant v SET stock_on_hand = v.stock_on_hand + :quantity
                      FROM catalog.product p WHERE v.sku = :sku AND p.id = v.product_id
                 RETURNING\s""" + StockLeft.COLUMNS, Tuple.class)
                    .setParameter("sku", line.getKey()).setParameter("quantity", line.getValue()).getResultList();
            if (!now.isEmpty()) {
                corrected.fire(new StockCorrected(line.getKey()));
                StockLeft row = StockLeft.of(now.getFirst());
                changes.fire(new ProductChanged(row.slug(), row.stockOnHand() == line.getValue()));
            }
        }
    }

    /**
     * Adds {@code delta} units to a SKU's stock (a negative delta takes them off), whatever its product's status, in the
     * caller's transaction. One conditional update, like {@link #reserve}: an order taking stock at the same moment is
     * neither lost nor able to make the result negative. Returns the units on hand afterwards.
     *
     * @throws NotFound for an unknown SKU
     * @throws Refused  naming the field {@code delta} when fewer than {@code -delta} units are on hand
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int adjustStock(String sku, int delta) {
        lockProductsOf(List.of(sku));
        List<Tuple> left = em.createNativeQuery("""
                UPDATE catalog.variant v SET stock_on_hand = v.stock_on_hand + :delta
                  FROM catalog.product p
                 WHERE v.sku = :sku AND p.id = v.product_id AND v.stock_on_hand + :delta >= 0
             RETURNING\s""" + StockLeft.COLUMNS, Tuple.class)
                .setParameter("sku", sku).setParameter("delta", delta).getResultList();
        if (left.isEmpty()) {
            List<?> onHand = em.createNativeQuery("SELECT stock_on_hand FROM catalog.variant WHERE sku = :sku")
                    .setParameter("sku", sku).getResultList();
            if (onHand.isEmpty()) {
                throw new NotFound("There is no SKU " + sku + ".");
            }
            throw new Refused("delta", "Only " + onHand.getFirst() + " units of " + sku + " are in stock, so " + -delta
                    + " cannot be taken off: stock never goes below zero.");
        }
        corrected.fire(new StockCorrected(sku));
        StockLeft row = StockLeft.of(left.getFirst());
        int now = row.stockOnHand();
        changes.fire(new ProductChanged(row.slug(), (now > 0) != (now - delta > 0)));
        alertWhenCrossingThreshold(sku, row.slug(), now - delta, now);
        return now;
    }

    /**
     * Locks the products of these SKUs, in id order, before any of their variants. A variant's price or stock change
     * also updates its product's summary row (trigger {@code variant_summary}), so without this an order taking two SKUs
     * of one product (variant, product, variant) and another taking only the second (variant, then product) would each
     * hold what the other waits for: PostgreSQL's "deadlock detected". Products first, then variants, is one order for
     * every writer. {@code NO KEY UPDATE}, as the trigger's own update takes, so readers and new SKUs are not blocked.
     */
    public void lockProductsOf(Collection<String> skus) {
        em.createNativeQuery("""
                SELECT p.id FROM catalog.product p
                 WHERE p.id IN (SELECT v.product_id FROM catalog.variant v WHERE v.sku IN (:skus))
                 ORDER BY p.id FOR NO KEY UPDATE OF p""").setParameter("skus", skus).getResultList();
    }

    /** {@link #lockProductsOf} for staff edits of a product's SKUs, which lock the product before touching any variant. */
    public void lockProduct(long productId) {
        em.createNativeQuery("SELECT id FROM catalog.product WHERE id = :id FOR NO KEY UPDATE")
                .setParameter("id", productId).getResultList();
    }

    /** Alerts once, when a change takes a SKU to or below the threshold, in the same transaction as the change. */
    private void alertWhenCrossingThreshold(String sku, String slug, int before, int now) {
        if (now <= lowStockThreshold && before > lowStockThreshold) {
            outbox.publish(LowStockAlert.TOPIC, new LowStockAlert.LowStock(sku, slug, now));
        }
    }

    /** The level at or below which a SKU counts as running low. */
    public int lowStockThreshold() {
        return lowStockThreshold;
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

    /** What a stock update returns: the units left and the product they belong to. */
    private record StockLeft(int stockOnHand, String slug) {

        static final String COLUMNS = "v.stock_on_hand AS stock_on_hand, p.slug AS slug";

        static StockLeft of(Tuple row) {
            return new StockLeft(((Number) row.get("stock_on_hand")).intValue(), (String) row.get("slug"));
        }
    }
}
