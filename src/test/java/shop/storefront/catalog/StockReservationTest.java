package shop.storefront.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import shop.storefront.catalog.internal.service.InventoryService;
import shop.storefront.platform.Money;

/** Stock is taken off atomically: concurrent buyers can never oversell, and a failed order takes nothing. */
@QuarkusTest
class StockReservationTest {

    @Inject
    Inventory inventory;
    @Inject
    CatalogOracle db;
    @Inject
    InventoryService adjustments;

    @Test
    void concurrentBuyersNeverOversell() throws Exception {
        String sku = sku(0);
        inventory.setStock(sku, 20);
        int buyers = 60;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    QuarkusTransaction.requiringNew().run(() -> inventory.reserve(Map.of(sku, 1)));
                    return true;
                } catch (OutOfStockException e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int sold = 0;
        for (Future<Boolean> outcome : outcomes) {
            sold += outcome.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertThat(sold).isEqualTo(20);
        assertThat(db.longValue("SELECT stock_on_hand FROM catalog.variant WHERE sku = ?", sku)).isZero();
        assertThat(db.string("SELECT (p.in_stock = EXISTS (SELECT 1 FROM catalog.variant w WHERE w.product_id = p.id"
                + " AND w.stock_on_hand > 0))::text FROM catalog.product p JOIN catalog.variant v ON v.product_id = p.id WHERE v.sku = ?", sku))
                .as("the product's in-stock flag follows its variants").isEqualTo("true");
    }

    @Test
    void allOrNothingAndShortfallsAreNamed() {
        String plenty = sku(1);
        String scarce = sku(2);
        inventory.setStock(plenty, 10);
        inventory.setStock(scarce, 1);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> inventory.reserve(Map.of(plenty, 2, scarce, 5))))
                .isInstanceOf(OutOfStockException.class)
                .satisfies(e -> assertThat(((OutOfStockException) e).skus()).containsExactly(scarce));
        assertThat(db.longValue("SELECT stock_on_hand FROM catalog.variant WHERE sku = ?", plenty)).as("rolled back").isEqualTo(10);

        QuarkusTransaction.requiringNew().run(() -> inventory.reserve(Map.of(plenty, 2, scarce, 1)));
        assertThat(db.longValue("SELECT stock_on_hand FROM catalog.variant WHERE sku = ?", plenty)).isEqualTo(8);
        QuarkusTransaction.requiringNew().run(() -> inventory.release(Map.of(plenty, 2, scarce, 1)));
        assertThat(db.longValue("SELECT stock_on_hand FROM catalog.variant WHERE sku = ?", scarce)).isEqualTo(1);
    }

    @Test
    void onlyActiveProductsAndOnlyInsideTheCallersTransaction() {
        String hidden = db.string("SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id"
                + " WHERE p.status <> 'active' AND v.stock_on_hand > 0 ORDER BY v.id LIMIT 1");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> inventory.reserve(Map.of(hidden, 1))))
                .isInstanceOf(OutOfStockException.class);
        assertThatThrownBy(() -> inventory.reserve(Map.of(sku(3), 1))).isInstanceOf(TransactionalException.class);
    }

    /**
     * Two SKUs of one product change under many writers at once: orders taking both, orders taking only the second,
     * releases, price changes and staff adjustments. Each variant change also updates the product's summary row, so
     * without one lock order for every writer PostgreSQL breaks the cycles with "deadlock detected".
     */
    @Test
    void writersOfOneProductsSkusNeverDeadlock() throws Exception {
        List<List<Object>> pair = db.rows("""
                SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id
                 WHERE p.status = 'active' AND v.product_id = (
                       SELECT w.product_id FROM catalog.variant w WHERE w.id > (SELECT id FROM catalog.variant ORDER BY id OFFSET 950 LIMIT 1)
                        GROUP BY w.product_id HAVING count(*) >= 2 ORDER BY w.product_id LIMIT 1)
                 ORDER BY v.sku LIMIT 2""");
        String first = (String) pair.get(0).getFirst();
        String second = (String) pair.get(1).getFirst();
        List<Object> current = db.rows("SELECT price_amount, currency FROM catalog.variant WHERE sku = ?", second).getFirst();
        Money price = new Money((java.math.BigDecimal) current.get(0), ((String) current.get(1)).trim()); // its own price again
        inventory.setStock(first, 100_000);
        inventory.setStock(second, 100_000);
        List<Runnable> writers = List.of(
                () -> QuarkusTransaction.requiringNew().run(() -> inventory.reserve(Map.of(first, 1, second, 1))),
                () -> QuarkusTransaction.requiringNew().run(() -> inventory.reserve(Map.of(second, 1))),
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    inventory.reserve(Map.of(second, 1));
                    inventory.release(Map.of(first, 1, second, 1));
                }),
                () -> inventory.setPrice(second, price),
                () -> QuarkusTransaction.requiringNew().run(() -> adjustments.adjustStock(first, 1)));
        ExecutorService pool = Executors.newFixedThreadPool(writers.size() * 2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < writers.size() * 2; i++) {
            Runnable writer = writers.get(i % writers.size());
            done.add(pool.submit(() -> {
                start.await();
                for (int round = 0; round < 60; round++) {
                    writer.run();
                }
                return null;
            }));
        }
        start.countDown();
        try {
            for (Future<?> writer : done) {
                writer.get(5, TimeUnit.MINUTES); // each deadlock would cost PostgreSQL's deadlock_timeout (1 s) to find
            }
        } finally {
            pool.shutdownNow();
        }
        // Per pair of threads and round: both (-1, -1), second only (0, -1), second then both back (+1, 0), adjusted (+1, 0).
        assertThat(db.longValue("SELECT stock_on_hand FROM catalog.variant WHERE sku = ?", first)).isEqualTo(100_000 + 2 * 60);
        assertThat(db.longValue("SELECT stock_on_hand FROM catalog.variant WHERE sku = ?", second)).isEqualTo(100_000 - 2 * 2 * 60);
    }

    private String sku(int n) {
        return db.string("SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id"
                + " WHERE p.status = 'active' ORDER BY v.id OFFSET ? LIMIT 1", 900 + n);
    }
}
