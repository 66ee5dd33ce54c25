package shop.storefront.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;

/**
 * One service cut for a fixed time under a steady catalog load through the balancer: what the scenario expects of
 * the answers during the cut, and whether HAProxy ever took an instance out (readiness must stay UP while an
 * instance can still serve the catalog). Closing restores the service in any case.
 */
final class Outage implements AutoCloseable {

    private final FaultCluster cluster;
    private final CuttableProxy service;
    private final SteadyLoad load;
    private final long cutAt;
    private final long endsAt;
    private final Map<String, String> takenOut = new ConcurrentHashMap<>();
    private final List<String> unmet = new ArrayList<>();
    private final List<String> emailsWithoutOrder = new ArrayList<>();
    private final Thread watch;
    private int probes;
    private volatile boolean restored;

    private Outage(FaultCluster cluster, CuttableProxy service, SteadyLoad load, Duration length) throws IOException {
        this.cluster = cluster;
        this.service = service;
        this.load = load;
        this.cutAt = System.nanoTime();
        this.endsAt = cutAt + length.toNanos();
        service.cut();
        this.watch = Thread.ofVirtual().start(this::watchBalancer);
    }

    static Outage begin(FaultCluster cluster, CuttableProxy service, SteadyLoad load, Duration length) throws IOException {
        return new Outage(cluster, service, load, length);
    }

    /** Records one answer during the cut and whether it was the expected one. */
    void expect(boolean met, String expectation) {
        probes++;
        if (!met) {
            unmet.add(expectation);
        }
    }

    /** Nothing half-written: once the database is back, no order may exist for this e-mail. */
    void laterExpectNoOrderFor(String email) {
        emailsWithoutOrder.add(email);
    }

    /** Waits for the end of the cut (a fixed length, not a guess), then restores the service. */
    void restoreAtEnd() throws IOException, InterruptedException {
        long left = endsAt - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
        restore();
    }

    /**
     * Adds the fault's row (page views and probes sent; failed: page views not answered 200, probes not answered as
     * expected) and asserts that every page view was answered, every probe as expected, and no instance taken out.
     */
    void report(String fault, boolean recovered, String probesSaw) throws Exception {
        List<SteadyLoad.Answer> answers = load.await();
        for (String email : emailsWithoutOrder) {
            expect(SharedServices.database().longValue("SELECT count(*) FROM orders.customer_order WHERE email = ?", email) == 0,
                    "no order half-written for " + email);
        }
        List<SteadyLoad.Answer> failed = answers.stream().filter(SteadyLoad.Answer::failed).toList();
        FaultTable.add(new FaultTable.Row(fault, answers.size() + probes, failed.size() + unmet.size(),
                FaultTable.window(answers, cutAt), recovered, "catalog page views " + SteadyLoad.statuses(answers) + "; " + probesSaw));
        SoftAssertions expectations = new SoftAssertions();
        expectations.assertThat(failed).as("catalog page views through HAProxy during and after the cut").isEmpty();
        expectations.assertThat(unmet).as("answers during the cut").isEmpty();
        expectations.assertThat(takenOut).as("instances HAProxy took out (readiness must stay UP)").isEmpty();
        expectations.assertAll();
    }

    private void watchBalancer() {
        while (!restored && !Thread.currentThread().isInterrupted()) {
            cluster.balancer().states().forEach((server, state) -> {
                if (state.startsWith("DOWN")) {
                    takenOut.putIfAbsent(server, state + " at " + FaultTable.seconds(System.nanoTime() - cutAt) + " into the cut");
                }
            });
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void restore() throws IOException {
        if (!restored) {
            restored = true;
            service.restore();
        }
    }

    @Override
    public void close() throws IOException {
        restore();
        watch.interrupt();
        load.stop();
    }
}
