package shop.storefront.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.storefront.catalog.internal.service.StockGate;
import shop.storefront.catalog.internal.service.UnreachableStockGate;
import shop.storefront.checkout.Checkouts;
import shop.storefront.web.Shopper;

/** Without the stock gate's Redis, orders are placed and refused as the database alone decides: never a 500. */
@QuarkusTest
@TestProfile(StockGateUnavailableTest.GateUnreachable.class)
class StockGateUnavailableTest {

    public static class GateUnreachable implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(UnreachableStockGate.class);
        }
    }

    @Inject
    Inventory inventory;
    @Inject
    CatalogOracle db;
    @Inject
    StockGate gate;

    @Test
    void theBuyerWhoCanBuyGetsTheUnitAndTheNextIsToldSoldOut() {
        assertThat(ClientProxy.unwrap(gate)).isInstanceOf(UnreachableStockGate.class);
        String sku = Checkouts.sku(db, inventory, 1);
        Shopper first = new Shopper();
        Shopper second = new Shopper();
        Checkouts.addToCart(first, sku, 1);
        Checkouts.addToCart(second, sku, 1);

        Response placed = Checkouts.place(first, Checkouts.newKey(), Checkouts.body("no-gate-" + UUID.randomUUID() + "@example.com"));
        Response refused = Checkouts.place(second, Checkouts.newKey(), Checkouts.body("no-gate-" + UUID.randomUUID() + "@example.com"));

        assertThat(placed.statusCode()).as(placed.asString()).isEqualTo(201);
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(409);
        assertThat(refused.jsonPath().getString("detail")).startsWith("Sold out:");
        assertThat(db.longValue("SELECT stock_on_hand FROM catalog.variant WHERE sku = ?", sku)).isZero();
    }
}
