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

/** Stock is taken off atomically: concurrent buyers can never oversell, and a failed order takes nothing. */
@QuarkusTest
class StockReservationTest {

    @Inject
    Inventory inventory;
    @Inject
    CatalogOracle db;

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

    private String sku(int n) {
        return db.string("SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id"
                + " WHERE p.status = 'active' ORDER BY v.id OFFSET ? LIMIT 1", 900 + n);
    }
}
