package shop.storefront.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import shop.storefront.web.Eventually;

/**
 * The order pipeline across a database outage. Orders are placed while the mail relay holds back what the instances
 * send, so each instance's outbox worker is stuck mid-confirmation, holding its claim, and every event is still queued
 * at the cut. During the cut the relay lets those confirmations through (a send that completes while the database is
 * gone: the worker cannot record it), and after the restore the workers relay the rest. Every order must then have
 * exactly one confirmation: none lost, none sent twice.
 */
final class OrderPipelineOutage {

    private static final int ORDERS = 10;
    private static final String ORDER_PLACED = "order-placed";

    private final FaultCluster cluster;
    private final Duration outage;
    private final SharedDatabase db = SharedServices.database();
    private final List<String> numbers = new ArrayList<>();
    private Map<String, Long> confirmationsPerOrder = Map.of();
    private long deliveredDuringCut;
    private long newDeadLetters;
    private boolean drained;

    OrderPipelineOutage(FaultCluster cluster, Duration outage) {
        this.cluster = cluster;
        this.outage = outage;
    }

    void run() throws Exception {
        Eventually.within(Eventually.BACKGROUND_WORK, "the outbox empty before the scenario (demo pictures' thumbnails, earlier orders)",
                () -> db.longValue("SELECT count(*) FROM messaging.outbox") == 0);
        long deadLettersBefore = deadLetters();
        long confirmationsBefore = cluster.confirmations().size();
        String sku = FaultsIT.skuWithStock();
        cluster.mailRelay.freeze();
        try {
            placeOrders(sku);
            Eventually.within(Duration.ofSeconds(30), "a worker stuck mid-confirmation", cluster.mailRelay::holdsClientBytes);
            assertThat(queued()).as("every order's event still queued at the cut").isEqualTo(ORDERS);
            long cutAt = System.nanoTime();
            cluster.database.cut();
            cluster.mailRelay.release();
            Eventually.within(outage.minusSeconds(5), "a confirmation delivered while the database is down",
                    () -> cluster.confirmations().size() > confirmationsBefore);
            deliveredDuringCut = cluster.confirmations().size() - confirmationsBefore;
            TimeUnit.NANOSECONDS.sleep(Math.max(0, cutAt + outage.toNanos() - System.nanoTime()));
        } finally {
            cluster.mailRelay.release();
            cluster.database.restore();
        }
        drained = drains();
        confirmationsPerOrder = cluster.confirmations().stream().skip(confirmationsBefore)
                .collect(Collectors.groupingBy(subject -> subject.substring(subject.lastIndexOf(' ') + 1), Collectors.counting()));
        newDeadLetters = deadLetters() - deadLettersBefore;
    }

    FaultTable.Row row() {
        long lost = numbers.stream().filter(n -> !confirmationsPerOrder.containsKey(n)).count();
        long doubled = numbers.stream().filter(n -> confirmationsPerOrder.getOrDefault(n, 0L) > 1).count();
        return new FaultTable.Row("PostgreSQL cut for 20 s with order events queued", ORDERS, lost + doubled,
                deliveredDuringCut + " confirmation(s) sent while the database was down", drained,
                "orders placed before the cut: " + lost + " confirmation(s) lost, " + doubled + " sent twice, "
                        + newDeadLetters + " dead-lettered");
    }

    void assertNothingLostOrDoubled() {
        assertThat(drained).as("the outbox drained after the restore, no restart").isTrue();
        assertThat(confirmationsPerOrder).as("confirmations per order placed before the cut")
                .containsOnlyKeys(numbers).allSatisfy((number, count) -> assertThat(count).as(number).isEqualTo(1L));
        assertThat(newDeadLetters).as("order events dead-lettered").isZero();
    }

    private void placeOrders(String sku) {
        for (int i = 0; i < ORDERS; i++) {
            FaultShopper shopper = new FaultShopper(cluster.balancer().port());
            assertThat(shopper.addToCart(sku).statusCode()).isEqualTo(200);
            numbers.add(shopper.placeOrder("pipeline-" + i + "-" + System.nanoTime() + "@example.com")
                    .then().statusCode(201).extract().jsonPath().getString("order.number"));
        }
    }

    private boolean drains() {
        try {
            Eventually.within(Eventually.BACKGROUND_WORK, "order events relayed after the restore", () -> queued() == 0);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    private long queued() {
        return db.longValue("SELECT count(*) FROM messaging.outbox WHERE topic = ?", ORDER_PLACED);
    }

    private long deadLetters() {
        return db.longValue("SELECT count(*) FROM messaging.dead_letter WHERE topic = ?", ORDER_PLACED);
    }
}
