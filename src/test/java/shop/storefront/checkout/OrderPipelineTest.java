package shop.storefront.checkout;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import shop.storefront.account.Accounts;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.Inventory;
import shop.storefront.messaging.Outbox;
import shop.storefront.web.Eventually;
import shop.storefront.web.Shopper;
import shop.storefront.web.SmtpServer;

/** The background side of orders: retries and dead letters, expiry of unpaid orders, stock alerts, cart reminders. */
@QuarkusTest
class OrderPipelineTest {

    private static final Duration WAIT = Eventually.BACKGROUND_WORK;

    @Inject
    CatalogOracle db;
    @Inject
    Inventory inventory;
    @Inject
    Outbox outbox;
    @Inject
    RedisDataSource redis;

    /** A hanging handler is covered by {@link HangingHandlersTest}, with a short handler timeout. */
    @ParameterizedTest
    @EnumSource(value = AlwaysFailingHandler.Failure.class, names = {"EXCEPTION", "ERROR"})
    void aHandlerThatAlwaysFailsEndsInTheDeadLetterTableAfterTheLastAttempt(AlwaysFailingHandler.Failure failure) {
        String marker = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(AlwaysFailingHandler.TOPIC, new AlwaysFailingHandler.Payload(marker, failure)));
        Eventually.within(WAIT, "dead-lettered", () -> db.longValue(
                "SELECT count(*) FROM messaging.dead_letter WHERE payload->>'marker' = ?", marker) == 1);
        assertThat(db.longValue("SELECT attempts FROM messaging.dead_letter WHERE payload->>'marker' = ?", marker)).isEqualTo(3);
        assertThat(db.string("SELECT last_error FROM messaging.dead_letter WHERE payload->>'marker' = ?", marker))
                .contains(switch (failure) {
                    case EXCEPTION -> "downstream system unavailable";
                    case ERROR -> "NoClassDefFoundError";
                    case HANGS -> throw new IllegalArgumentException("not run here");
                });
        assertThat(db.longValue("SELECT count(*) FROM messaging.outbox WHERE payload->>'marker' = ?", marker)).isZero();
        assertThat(given().get("/q/metrics").asString())
                .containsPattern("storefront_outbox_handled_total\\{outcome=\"dead_lettered\",topic=\"test-always-fails\"} [1-9]");
    }

    @Test
    void anUnpaidBankTransferOrderIsCancelledWhenItsWindowClosesAndItsStockGoesBack() {
        String sku = Checkouts.sku(db, inventory, 4);
        String unpaid = Checkouts.guestOrder(sku, "slow-payer@example.com", "bank-transfer");
        String paid = Checkouts.guestOrder(sku, "prompt-payer@example.com", "bank-transfer");
        assertThat(db.longValue("SELECT stock_on_hand FROM catalog.variant WHERE sku = ?", sku)).isEqualTo(2);
        assertThat(db.string("SELECT (available_at > now() + interval '6 days')::text FROM messaging.outbox"
                + " WHERE topic = 'reservation-expiry' AND payload->>'orderNumber' = ?", unpaid)).isEqualTo("true");
        db.update("UPDATE orders.customer_order SET status = 'paid' WHERE number = ?", paid);

        db.update("UPDATE messaging.outbox SET available_at = now() WHERE topic = 'reservation-expiry' AND payload->>'orderNumber' IN (?, ?)",
                unpaid, paid);
        Eventually.within(WAIT, "expiry handled", () -> db.longValue("SELECT count(*) FROM messaging.outbox"
                + " WHERE topic = 'reservation-expiry' AND payload->>'orderNumber' IN (?, ?)", unpaid, paid) == 0);
        assertThat(db.string("SELECT status FROM orders.customer_order WHERE number = ?", unpaid)).isEqualTo("cancelled");
        assertThat(db.string("SELECT status FROM orders.customer_order WHERE number = ?", paid)).isEqualTo("paid");
        assertThat(db.longValue("SELECT stock_on_hand FROM catalog.variant WHERE sku = ?", sku)).isEqualTo(3);
    }

    @Test
    void aSaleThatCrossesTheLowStockThresholdAlertsOnce() {
        String sku = Checkouts.sku(db, inventory, 7);
        Checkouts.guestOrder(sku, "buyer1@example.com", "cash-on-delivery"); // 6 left: above the threshold of 5
        Checkouts.guestOrder(sku, "buyer2@example.com", "cash-on-delivery"); // 5 left: alert
        Checkouts.guestOrder(sku, "buyer3@example.com", "cash-on-delivery"); // 4 left: already alerted
        Eventually.within(WAIT, "low-stock alert", () -> SmtpServer.subjects("stock-alerts@storefront.test").stream()
                .anyMatch(s -> s.contains(sku)));
        Eventually.within(WAIT, "outbox drained", () -> db.longValue("SELECT count(*) FROM messaging.outbox WHERE topic = 'low-stock'") == 0);
        assertThat(SmtpServer.subjects("stock-alerts@storefront.test")).filteredOn(s -> s.contains(sku))
                .containsExactly("Low stock: " + sku + " has 5 left");
    }

    @Test
    void anIdleCartGetsOneReminderUnlessTheCustomerOptedOut() {
        Accounts.resetRateLimits(redis);
        String sku = Checkouts.sku(db, inventory, 10);
        Shopper keen = new Shopper();
        String keenEmail = Accounts.signedUp(keen);
        assertThat(keen.submit("/account", "/account/profile", Map.of("name", "Keen Shopper", "cartReminders", "on")).statusCode()).isEqualTo(303);
        Checkouts.addToCart(keen, sku, 1);
        Shopper private_ = new Shopper();
        String privateEmail = Accounts.signedUp(private_);
        assertThat(private_.submit("/account", "/account/profile", Map.of("name", "Private Person")).statusCode()).isEqualTo(303);
        Checkouts.addToCart(private_, sku, 1);

        // Both carts last changed two days ago.
        for (String email : new String[] {keenEmail, privateEmail}) {
            String id = db.string("SELECT public_id::text FROM account.customer WHERE email = ?", email);
            redis.sortedSet(String.class).zadd("carts:touched", System.currentTimeMillis() - Duration.ofDays(2).toMillis(), id);
        }
        Eventually.within(WAIT, "reminder", () -> SmtpServer.messagesTo(keenEmail).size() == 1);
        assertThat(SmtpServer.subjects(keenEmail)).containsExactly("You left something in your cart");
        assertThat(SmtpServer.body(SmtpServer.messagesTo(keenEmail).getFirst())).contains("/cart");
        Eventually.within(WAIT, "both claimed and handled", () -> redis.sortedSet(String.class).zscore("carts:touched",
                db.string("SELECT public_id::text FROM account.customer WHERE email = ?", privateEmail)).isEmpty()
                && db.longValue("SELECT count(*) FROM messaging.outbox WHERE topic = 'abandoned-cart'") == 0);
        assertThat(SmtpServer.messagesTo(privateEmail)).as("opted out (unticked on the profile form)").isEmpty();
        assertThat(db.string("SELECT cart_reminders::text FROM account.customer WHERE email = ?", privateEmail)).isEqualTo("false");
    }

    @Test
    void staffMoveOrdersThroughTheirLifeAndCustomersCannot() {
        Accounts.resetRateLimits(redis);
        String sku = Checkouts.sku(db, inventory, 10);
        String cod = Checkouts.guestOrder(sku, "cod@example.com", "cash-on-delivery");
        String transfer = Checkouts.guestOrder(sku, "transfer@example.com", "bank-transfer");
        Shopper staff = new Shopper();
        String email = Accounts.signedUp(staff);
        staff.request().contentType("application/json").body("{}").post("/api/v1/admin/orders/" + cod + "/fulfil").then().statusCode(403);
        db.update("UPDATE account.customer SET role = 'admin' WHERE email = ?", email);
        staff = new Shopper(); // the role is read at sign-in
        assertThat(Accounts.signIn(staff, email, Accounts.PASSWORD).statusCode()).isEqualTo(303);

        // What another site could make a signed-in admin's browser send without a pre-flight: refused.
        staff.request().contentType("text/plain").body("x").post("/api/v1/admin/orders/" + transfer + "/mark-paid").then().statusCode(415);
        staff.request().post("/api/v1/admin/orders/" + transfer + "/cancel").then().statusCode(415);
        // JSON with no body at all is no JSON call either: the body is required.
        staff.request().contentType("application/json").post("/api/v1/admin/orders/" + transfer + "/mark-paid").then().statusCode(400);
        // A body-less cross-site fetch (no content type at all): the browser's Sec-Fetch-Site gives it away.
        // A cross-site request is refused even with a valid token: the browser's Sec-Fetch-Site gives it away.
        staff.request().header("Sec-Fetch-Site", "cross-site").header("X-CSRF-Token", staff.csrfToken("/account"))
                .contentType("application/json").body("{}").post("/api/v1/admin/orders/" + transfer + "/cancel").then().statusCode(403);
        staff.request().header("Sec-Fetch-Site", "cross-site").contentType("application/json")
                .post("/api/v1/admin/orders/" + transfer + "/mark-paid").then().statusCode(403);
        assertThat(db.string("SELECT status FROM orders.customer_order WHERE number = ?", transfer)).isEqualTo("placed");
        staff.request().contentType("application/json").body("{}").post("/api/v1/admin/orders/" + transfer + "/fulfil").then().statusCode(409);
        assertThat(staff.request().contentType("application/json").body("{\"note\": \"Transfer seen on the 3rd\"}")
                .post("/api/v1/admin/orders/" + transfer + "/mark-paid").then().statusCode(200)
                .extract().jsonPath().getString("status")).isEqualTo("paid");
        assertThat(db.string("SELECT note FROM orders.status_change c JOIN orders.customer_order o ON o.id = c.order_id"
                + " WHERE o.number = ? AND c.status = 'paid'", transfer)).isEqualTo("Transfer seen on the 3rd");
        assertThat(staff.request().contentType("application/json").body("{}").post("/api/v1/admin/orders/" + transfer + "/cancel").then().statusCode(200)
                .extract().jsonPath().getList("history.status")).containsExactly("placed", "paid", "refunded");
        assertThat(staff.request().contentType("application/json").body("{}").post("/api/v1/admin/orders/" + cod + "/fulfil").then().statusCode(200)
                .extract().jsonPath().getString("status")).isEqualTo("fulfilled");
        staff.request().contentType("application/json").body("{}").post("/api/v1/admin/orders/" + cod + "/cancel").then().statusCode(200);
        assertThat(db.string("SELECT status FROM orders.customer_order WHERE number = ?", cod)).isEqualTo("refunded");
        // The refunded unshipped order's unit went back; the shipped one's did not.
        assertThat(db.longValue("SELECT stock_on_hand FROM catalog.variant WHERE sku = ?", sku)).isEqualTo(9);
    }
}
