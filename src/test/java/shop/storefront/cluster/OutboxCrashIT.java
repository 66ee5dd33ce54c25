package shop.storefront.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import shop.storefront.web.Eventually;
import shop.storefront.web.Shopper;

/**
 * No lost events: a worker instance is killed (SIGKILL) in the middle of sending confirmations, while it holds a
 * claimed message; after a new worker starts, every OrderPlaced has produced exactly one confirmation e-mail.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = CrashTestMail.class, restrictToAnnotatedClass = true)
class OutboxCrashIT {

    private static final int ORDERS = 40;
    private static final int WORKER_PORT = 18083;

    @Test
    void killingTheWorkerMidBatchLosesAndDuplicatesNothing() {
        SharedDatabase db = SharedServices.database();
        String sku = db.string("SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id"
                + " WHERE p.status = 'active' ORDER BY v.id DESC LIMIT 1");
        db.update("UPDATE catalog.variant SET stock_on_hand = ? WHERE sku = ?", ORDERS, sku);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            numbers.add(placeOrder(sku, i));
        }
        assertThat(db.longValue("SELECT count(*) FROM messaging.outbox WHERE topic = 'order-placed'")).as("nothing handled yet").isEqualTo(ORDERS);

        Map<String, String> worker = new HashMap<>(CrashTestMail.mailSettings());
        worker.put("storefront.outbox.worker-enabled", "true");
        AppInstance first = AppInstance.start(WORKER_PORT, SharedServices.devServices(), worker, "outbox-worker.log");
        Eventually.within(Duration.ofSeconds(60), "some confirmations sent", () -> confirmations() >= 10);
        CrashTestMail.proxy.freeze();
        Eventually.within(Eventually.BACKGROUND_WORK, "the worker stuck mid-message, holding its claim",
                CrashTestMail.proxy::holdsClientBytes);
        first.kill();
        long sentBeforeCrash = confirmations();
        long left = db.longValue("SELECT count(*) FROM messaging.outbox WHERE topic = 'order-placed'");
        assertThat(sentBeforeCrash).as("killed mid-batch").isBetween(10L, ORDERS - 1L);
        assertThat(left).as("the claimed message is still there").isEqualTo(ORDERS - sentBeforeCrash);
        CrashTestMail.proxy.thaw();

        AppInstance second = AppInstance.start(WORKER_PORT, SharedServices.devServices(), worker, "outbox-worker.log");
        try {
            Eventually.within(Duration.ofSeconds(90), "outbox drained", () ->
                    db.longValue("SELECT count(*) FROM messaging.outbox WHERE topic = 'order-placed'") == 0);
        } finally {
            second.stop();
        }
        Map<String, Long> perOrder = CrashTestMail.received().stream().map(OutboxCrashIT::subject)
                .filter(subject -> subject.startsWith("Your Storefront order")).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perOrder).hasSize(ORDERS);
        for (String number : numbers) {
            assertThat(perOrder.get("Your Storefront order " + number)).as(number).isEqualTo(1L);
        }
        assertThat(db.longValue("SELECT count(*) FROM messaging.dead_letter WHERE topic = 'order-placed'")).isZero();
    }

    private static String placeOrder(String sku, int i) {
        Shopper shopper = new Shopper();
        shopper.keep(shopper.request().contentType("application/json").body(Map.of("sku", sku, "quantity", 1))
                .post("/api/v1/cart/items")).then().statusCode(200);
        Map<String, Object> body = Map.of("email", "crash" + i + "@example.com", "shippingMethod", "standard",
                "paymentMethod", "cash-on-delivery", "shippingAddress", Map.of("fullName", "Crash Tester", "line1", "Vesterbrogade " + i,
                        "city", "København", "postalCode", "1620", "country", "DK"));
        return shopper.request().contentType("application/json").header("Idempotency-Key", "crash-test-" + i + "-" + System.nanoTime())
                .body(body).post("/api/v1/orders").then().statusCode(201).extract().jsonPath().getString("order.number");
    }

    private static long confirmations() {
        return CrashTestMail.received().stream().filter(m -> subject(m).startsWith("Your Storefront order")).count();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
