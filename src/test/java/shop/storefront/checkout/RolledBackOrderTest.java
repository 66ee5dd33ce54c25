package shop.storefront.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.Inventory;
import shop.storefront.web.Shopper;

/**
 * PostgreSQL may roll an order's transaction back to break a lock cycle or a serialization conflict. The shopper is
 * told to try again in a moment (503 with Retry-After, not a 500), nothing of the order stays, and trying again with
 * the same key places it. The rollback is PostgreSQL's own error, raised where the order takes its stock.
 */
@QuarkusTest
class RolledBackOrderTest {

    @Inject
    CatalogOracle db;
    @Inject
    Inventory inventory;

    @ParameterizedTest
    @ValueSource(strings = {"40P01", "40001"})
    void aTransactionPostgresRollsBackIsAnsweredBusyAndTheSameKeyThenPlacesTheOrder(String sqlState) {
        String sku = Checkouts.sku(db, inventory, 5);
        Shopper shopper = new Shopper();
        Checkouts.addToCart(shopper, sku, 2);
        String email = "rolled-back-" + UUID.randomUUID() + "@example.com";
        String key = Checkouts.newKey();
        String trigger = "rolled_back_" + sqlState.toLowerCase();
        db.update("CREATE FUNCTION catalog." + trigger + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " RAISE EXCEPTION 'chosen as the victim' USING ERRCODE = '" + sqlState + "'; END $$");
        db.update("CREATE TRIGGER " + trigger + " BEFORE UPDATE ON catalog.variant FOR EACH ROW WHEN (OLD.sku = '" + sku + "')"
                + " EXECUTE FUNCTION catalog." + trigger + "()");
        Response busy;
        try {
            busy = Checkouts.place(shopper, key, Checkouts.body(email));
        } finally {
            db.update("DROP TRIGGER " + trigger + " ON catalog.variant");
            db.update("DROP FUNCTION catalog." + trigger + "()");
        }

        assertThat(busy.statusCode()).as(busy.asString()).isEqualTo(503);
        assertThat(busy.header("Retry-After")).isNotBlank();
        assertThat(busy.jsonPath().getString("title")).isEqualTo("Busy");
        assertThat(db.longValue("SELECT count(*) FROM orders.customer_order WHERE email = ?", email)).as("no order").isZero();
        assertThat(db.longValue("SELECT stock_on_hand FROM catalog.variant WHERE sku = ?", sku)).as("no stock taken").isEqualTo(5);

        Response placed = Checkouts.place(shopper, key, Checkouts.body(email));
        assertThat(placed.statusCode()).as(placed.asString()).isEqualTo(201);
        assertThat(db.longValue("SELECT stock_on_hand FROM catalog.variant WHERE sku = ?", sku)).isEqualTo(3);
    }
}
