package shop.storefront.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import shop.storefront.catalog.internal.CatalogConfig;
import shop.storefront.catalog.internal.service.StockGate;
import shop.storefront.checkout.Checkouts;
import shop.storefront.web.Eventually;
import shop.storefront.web.Shopper;

/**
 * The stock gate in front of the stock rows: it refuses what it cannot cover without touching the database, gives
 * back the units of an order that never ended, and starts again from the database whenever stock goes up there.
 */
@QuarkusTest
class StockGateTest {

    @Inject
    Inventory inventory;
    @Inject
    StockGate gate;
    @Inject
    CatalogConfig config;
    @Inject
    CatalogOracle db;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void unitsTakenByAnInstanceThatStoppedBeforeItsCommitComeBackOnceTheirClaimExpires() {
        String sku = Checkouts.sku(db, inventory, 5);
        // The instance takes three units at the gate, then stops: its order never commits, its claim never ends.
        inventory.claim(newClaimId(), Map.of(sku, 3));
        assertThat(gate.left(sku)).isEqualTo(2);

        assertThat(gate.releaseExpired(Instant.now())).as("not expired yet").isZero();
        assertThat(gate.left(sku)).isEqualTo(2);
        gate.releaseExpired(Instant.now().plus(config.stockClaimExpiry()).plus(Duration.ofSeconds(1)));

        assertThat(gate.left(sku)).as("every unit back, as the database says").isEqualTo(stockOnHand(sku)).isEqualTo(5);
        inventory.claim(newClaimId(), Map.of(sku, 5)).release();
    }

    @Test
    void theGateRefusesWhatItsOpenClaimsHoldAndAReleasedClaimGivesItsUnitsBack() {
        String sku = Checkouts.sku(db, inventory, 2);
        StockClaim first = inventory.claim(newClaimId(), Map.of(sku, 2));

        assertThatThrownBy(() -> inventory.claim(newClaimId(), Map.of(sku, 1)))
                .isInstanceOfSatisfying(OutOfStockException.class, e -> assertThat(e.skus()).containsExactly(sku));
        assertThat(stockOnHand(sku)).as("the database untouched").isEqualTo(2);

        first.release();
        first.release();
        assertThat(gate.left(sku)).as("given back once").isEqualTo(2);
    }

    @Test
    void aRepeatedSubmissionGoesOnToFindTheFirstOnesOrderInsteadOfBeingToldSoldOut() {
        String sku = Checkouts.sku(db, inventory, 1);
        String claimId = newClaimId();
        StockClaim first = inventory.claim(claimId, Map.of(sku, 1));

        inventory.claim(claimId, Map.of(sku, 1)).release(); // holds nothing, so releasing it gives nothing back
        assertThat(gate.left(sku)).isZero();
        first.release();
    }

    @Test
    void stockGoingUpInTheDatabaseStartsTheGateAgainFromIt() {
        String sku = Checkouts.sku(db, inventory, 1);
        inventory.claim(newClaimId(), Map.of(sku, 1)).settle(); // as if sold, though the database still has it
        assertThat(gate.left(sku)).isZero();

        db.update("UPDATE catalog.variant SET stock_on_hand = 3 WHERE sku = ?", sku); // an edit outside the application
        // Seen once the counter is due for its check against the database.
        Eventually.within(config.stockGateRecheck().multipliedBy(4), "the gate sells the 3 units put in directly", () -> {
            try {
                inventory.claim(newClaimId(), Map.of(sku, 3)).release();
                return true;
            } catch (OutOfStockException notYet) {
                return false;
            }
        });
        assertThat(gate.left(sku)).isEqualTo(3);

        inventory.setStock(sku, 0);
        assertThatThrownBy(() -> inventory.claim(newClaimId(), Map.of(sku, 1))).isInstanceOf(OutOfStockException.class);
        inventory.setStock(sku, 4);
        inventory.claim(newClaimId(), Map.of(sku, 4)).release();
    }

    @Test
    void aBuyerTheGateTurnsAwayIsToldSoldOutAsTheDatabaseWouldTellThem() {
        String sku = Checkouts.sku(db, inventory, 1);
        Shopper shopper = new Shopper();
        Checkouts.addToCart(shopper, sku, 1);
        StockClaim other = inventory.claim(newClaimId(), Map.of(sku, 1)); // another buyer's order, on its way to the database

        Response refused = Checkouts.place(shopper, Checkouts.newKey(), Checkouts.body("gate-" + UUID.randomUUID() + "@example.com"));

        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(409);
        assertThat(refused.jsonPath().getString("detail")).startsWith("Sold out:");
        // The database would have sold that unit: the gate answered, before any order transaction.
        assertThat(stockOnHand(sku)).isEqualTo(1);
        assertThat(db.longValue("SELECT count(*) FROM orders.order_line WHERE sku = ?", sku)).isZero();
        other.release();
    }

    @Test
    void aBuyerTheGateTurnsAwayIsAnsweredWithoutTheDatabase() throws Exception {
        String sku = Checkouts.sku(db, inventory, 1);
        Shopper shopper = new Shopper();
        Checkouts.addToCart(shopper, sku, 1);
        StockClaim other = inventory.claim(newClaimId(), Map.of(sku, 1)); // seeds the counter and checks it, just now

        Response refused;
        try (Connection locker = dataSource.getConnection()) {
            // Whatever reads the stock, prices the cart, or looks up or inserts an order waits on these locks.
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.execute("LOCK TABLE catalog.variant, catalog.product, orders.customer_order IN ACCESS EXCLUSIVE MODE");
            }
            CompletableFuture<Response> answer = CompletableFuture.supplyAsync(() ->
                    Checkouts.place(shopper, Checkouts.newKey(), Checkouts.body("locked-" + UUID.randomUUID() + "@example.com")));
            try {
                refused = answer.get(60, TimeUnit.SECONDS);
            } finally {
                locker.rollback();
            }
        }

        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(409);
        assertThat(refused.jsonPath().getString("detail")).isEqualTo("Sold out: " + skuName(sku)
                + " sold out before your order went through. Nothing was reserved or charged; please review your cart.");
        other.release();
    }

    @Test
    void aRetryOfAPlacedOrderGetsThatOrderEvenOnceTheGateHasSoldOut() {
        String sku = Checkouts.sku(db, inventory, 2);
        Shopper first = new Shopper();
        Shopper second = new Shopper();
        Checkouts.addToCart(first, sku, 1);
        Checkouts.addToCart(second, sku, 1);
        String key = Checkouts.newKey();
        Map<String, Object> body = Checkouts.body("retry-" + UUID.randomUUID() + "@example.com");
        Response placed = Checkouts.place(first, key, body);
        assertThat(placed.statusCode()).as(placed.asString()).isEqualTo(201);
        // The retry arrives with the unit in the cart again, so the gate meets it as a buyer wanting stock.
        Checkouts.addToCart(first, sku, 1);
        Response last = Checkouts.place(second, Checkouts.newKey(), Checkouts.body("retry-" + UUID.randomUUID() + "@example.com"));
        assertThat(last.statusCode()).as(last.asString()).isEqualTo(201);
        assertThat(gate.left(sku)).isZero();

        Response retried = Checkouts.place(first, key, body);

        assertThat(retried.statusCode()).as(retried.asString()).isEqualTo(200);
        assertThat(retried.jsonPath().getString("order.number")).isEqualTo(placed.jsonPath().getString("order.number"));
    }

    private String skuName(String sku) {
        return db.string("""
                SELECT p.name || coalesce(' (' || (SELECT string_agg(o.value, ' / ') FROM jsonb_each_text(v.options) o) || ')', '')
                  FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id WHERE v.sku = ?""", sku);
    }

    private long stockOnHand(String sku) {
        return db.longValue("SELECT stock_on_hand FROM catalog.variant WHERE sku = ?", sku);
    }

    private static String newClaimId() {
        return "test:" + UUID.randomUUID();
    }
}
