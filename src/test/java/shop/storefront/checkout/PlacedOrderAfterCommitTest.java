package shop.storefront.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.Inventory;
import shop.storefront.web.Eventually;
import shop.storefront.web.Shopper;

/**
 * An order that was committed is answered as placed even when a step after the commit fails, and what that step
 * should have done (the ordered units leaving the cart) is done from the outbox instead.
 */
@QuarkusTest
class PlacedOrderAfterCommitTest {

    @Inject
    CatalogOracle db;
    @Inject
    Inventory inventory;

    @Test
    void aFailingStepAfterCommitStillAnswersThePlacedOrderAndTheCartEmptiesFromTheOutbox() {
        String sku = Checkouts.sku(db, inventory, 5);
        Shopper shopper = new Shopper();
        Checkouts.addToCart(shopper, sku, 2);

        Response placed = Checkouts.place(shopper, Checkouts.newKey(),
                Checkouts.body(CartStepFailingAfterCommit.EMAIL_PREFIX + UUID.randomUUID() + "@example.com"));

        assertThat(placed.statusCode()).as(placed.asString()).isEqualTo(201);
        String number = placed.jsonPath().getString("order.number");
        assertThat(number).startsWith("SF-");
        assertThat(db.longValue("SELECT count(*) FROM orders.customer_order WHERE number = ?", number)).isEqualTo(1);
        Eventually.within(Eventually.BACKGROUND_WORK, "the ordered units gone from the cart", () ->
                shopper.keep(shopper.request().get("/api/v1/cart")).jsonPath().getInt("itemCount") == 0);
    }

    @Test
    void theOrderedUnitsLeaveTheCartOnceThoughBothTheStepAfterCommitAndTheOutboxTakeThemOut() {
        String sku = Checkouts.sku(db, inventory, 5);
        Shopper shopper = new Shopper();
        Checkouts.addToCart(shopper, sku, 1);
        Response placed = Checkouts.place(shopper, Checkouts.newKey(), Checkouts.body("twice-" + UUID.randomUUID() + "@example.com"));
        assertThat(placed.statusCode()).as(placed.asString()).isEqualTo(201);
        String number = placed.jsonPath().getString("order.number");
        Checkouts.addToCart(shopper, sku, 1); // in another tab, after the order

        Eventually.within(Eventually.BACKGROUND_WORK, "the outbox's take-out handled", () -> db.longValue(
                "SELECT count(*) FROM messaging.outbox WHERE topic = ? AND payload->>'orderNumber' = ?", OrderPlaced.BASKET_TOPIC, number) == 0);
        assertThat(shopper.keep(shopper.request().get("/api/v1/cart")).jsonPath().getInt("itemCount"))
                .as("the unit added after the order stays").isEqualTo(1);
    }
}
