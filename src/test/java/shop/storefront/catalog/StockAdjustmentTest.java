package shop.storefront.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.storefront.account.Accounts;
import shop.storefront.backoffice.Staff;
import shop.storefront.catalog.internal.domain.Variant;
import shop.storefront.web.Eventually;
import shop.storefront.web.Shopper;

/** Staff change stock with a reason; the change is kept, audited, never below zero, and never loses a sale. */
@QuarkusTest
class StockAdjustmentTest {

    @Inject
    CatalogOracle db;
    @Inject
    Inventory inventory;
    @Inject
    RedisDataSource redis;

    private Staff.Admin admin;

    @BeforeEach
    void signIn() {
        Accounts.resetRateLimits(redis);
        admin = Staff.signedInAdmin(db);
    }

    @Test
    void anAdjustmentNeedsAReasonAndIsKeptWithWhoMadeIt() {
        Sku sku = activeSku(11);
        inventory.setStock(sku.code(), 4);
        Response noReason = adjust(sku, "5", "", "");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.asString()).contains("id=\"" + sku.prefix() + "reason-error\"", "Choose why the stock changes", "value=\"5\"");
        Response otherWithoutNote = adjust(sku, "5", "other", " ");
        assertThat(otherWithoutNote.statusCode()).isEqualTo(400);
        assertThat(otherWithoutNote.asString()).contains("id=\"" + sku.prefix() + "note-error\"");
        Response deliveryTakingOff = adjust(sku, "-5", "delivery", "");
        assertThat(deliveryTakingOff.statusCode()).isEqualTo(400);
        assertThat(deliveryTakingOff.asString()).contains("id=\"" + sku.prefix() + "delta-error\"", "enter a positive number");
        assertThat(stock(sku)).isEqualTo(4);
        assertThat(trail(sku)).isEmpty();

        Response delivered = adjust(sku, "+7", "delivery", "Pallet 12");
        assertThat(delivered.statusCode()).isEqualTo(303);
        assertThat(delivered.header("Location")).isEqualTo("/admin/products/" + sku.productId() + "?done=stock-adjusted#sku-" + sku.variantId());
        assertThat(stock(sku)).isEqualTo(11);
        assertThat(trail(sku)).containsExactly(List.of(7, "delivery", "Pallet 12", 11, admin.email()));
        assertThat(db.rows("SELECT actor, detail FROM backoffice.audit_entry WHERE subject = ? AND action = 'stock.adjusted'", sku.code()))
                .containsExactly(List.of(admin.email(), "+7 (Delivery received) → 11: Pallet 12"));
        assertThat(admin.browser().get(sku.editor()).asString()).contains("Pallet 12", "Delivery received", "+7");
    }

    @Test
    void stockNeverGoesBelowZero() {
        Sku sku = activeSku(12);
        inventory.setStock(sku.code(), 3);
        Response refused = adjust(sku, "-4", "damaged", "Water damage");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.asString()).contains("Only 3 units of " + sku.code() + " are in stock", "never goes below zero",
                "aria-describedby=\"" + sku.prefix() + "delta-error\"");
        assertThat(stock(sku)).isEqualTo(3);
        assertThat(trail(sku)).isEmpty();
        assertThat(adjust(sku, "-3", "damaged", "").statusCode()).isEqualTo(303);
        assertThat(stock(sku)).isZero();
    }

    @Test
    void concurrentAdjustmentsAndOrdersLoseNothing() throws Exception {
        Sku sku = activeSku(13);
        inventory.setStock(sku.code(), 50);
        String token = admin.browser().csrfToken(sku.editor());
        int rounds = 12;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> outcomes = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            outcomes.add(pool.submit(() -> {
                start.await();
                return admin.browser().request().contentType("application/x-www-form-urlencoded").formParam("csrf-token", token)
                        .formParam("delta", "3").formParam("reason", "delivery").formParam("note", "")
                        .post(sku.editor() + "/variants/" + sku.variantId() + "/stock").statusCode();
            }));
            outcomes.add(pool.submit(() -> {
                start.await();
                QuarkusTransaction.requiringNew().run(() -> inventory.reserve(Map.of(sku.code(), 2)));
                return 303;
            }));
        }
        start.countDown();
        for (Future<Integer> outcome : outcomes) {
            assertThat(outcome.get(60, TimeUnit.SECONDS)).isEqualTo(303);
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(stock(sku)).isEqualTo(50 + rounds * 3 - rounds * 2);
        assertThat(trail(sku)).hasSize(rounds);
    }

    @Test
    void aPriceEditDoesNotUndoASaleMadeWhileItWasOpen() {
        Sku sku = activeSku(14);
        inventory.setStock(sku.code(), 10);
        QuarkusTransaction.requiringNew().run(() -> {
            Variant loaded = Variant.findBySku(sku.code()).orElseThrow();
            CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> inventory.reserve(Map.of(sku.code(), 1))))
                    .orTimeout(60, TimeUnit.SECONDS).join();
            loaded.priceAmount = new BigDecimal("12.34");
        });
        assertThat(db.string("SELECT price_amount || ' ' || stock_on_hand FROM catalog.variant WHERE sku = ?", sku.code()))
                .isEqualTo("12.34 9");
    }

    @Test
    void theDashboardListsASkuOnceItIsLow() {
        String editor = admin.browser().submit("/admin/products/new", "/admin/products",
                ProductAdminTest.product("Dashboard Probe " + System.nanoTime(), "", "draft", "", "")).header("Location").replaceAll("\\?.*", "");
        // Lowest stock first, then by SKU: a code starting with 0 comes before the demo catalog's sold-out SKUs.
        String code = "0LOW-" + System.nanoTime();
        assertThat(admin.browser().submit(editor, editor + "/variants", ProductAdminTest.variant(code, "", "Red", "9.00", "", "100"))
                .statusCode()).isEqualTo(303);
        Map<String, String> active = ProductAdminTest.product(db.string("SELECT name FROM catalog.product WHERE id = ?",
                Long.parseLong(editor.substring(editor.lastIndexOf('/') + 1))), "", "active", "", "");
        active.put("slug", db.string("SELECT slug FROM catalog.product WHERE id = ?", Long.parseLong(editor.substring(editor.lastIndexOf('/') + 1))));
        assertThat(admin.browser().submit(editor, editor, active).statusCode()).isEqualTo(303);
        Sku sku = Sku.of(db, code);
        assertThat(adjust(sku, "20", "delivery", "").statusCode()).isEqualTo(303);
        assertThat(admin.browser().get("/admin").asString()).contains("Low stock").doesNotContain(code);

        assertThat(adjust(sku, "-20", "count-correction", "Miscounted").statusCode()).isEqualTo(303);
        Eventually.within(Duration.ofSeconds(60), "the dashboard lists " + code,
                () -> admin.browser().get("/admin").asString().contains("href=\"" + editor + "\">" + code));
    }

    /** A SKU with its product and editor address. */
    record Sku(String code, long productId, long variantId) {
        static Sku of(CatalogOracle db, String code) {
            List<Object> row = db.rows("SELECT product_id, id FROM catalog.variant WHERE sku = ?", code).getFirst();
            return new Sku(code, ((Number) row.get(0)).longValue(), ((Number) row.get(1)).longValue());
        }

        String editor() {
            return "/admin/products/" + productId;
        }

        String prefix() {
            return "stock-" + variantId + "-";
        }
    }

    private Sku activeSku(int n) {
        return Sku.of(db, db.string("SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id"
                + " WHERE p.status = 'active' ORDER BY v.id OFFSET ? LIMIT 1", 1200 + n));
    }

    private Response adjust(Sku sku, String delta, String reason, String note) {
        return admin.browser().submit(sku.editor(), sku.editor() + "/variants/" + sku.variantId() + "/stock",
                Map.of("delta", delta, "reason", reason, "note", note));
    }

    private long stock(Sku sku) {
        return db.longValue("SELECT stock_on_hand FROM catalog.variant WHERE sku = ?", sku.code());
    }

    private List<List<Object>> trail(Sku sku) {
        return db.rows("SELECT delta, reason, note, stock_after, actor FROM catalog.stock_adjustment WHERE variant_id = ? ORDER BY id",
                sku.variantId());
    }
}
