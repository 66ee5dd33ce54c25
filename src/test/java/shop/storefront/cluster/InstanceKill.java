package shop.storefront.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * {@code kill -9} of one instance under a steady page-view load through HAProxy. Requests sent to the dead instance
 * fail (no retry elsewhere, as with an ALB) until HAProxy's health checks mark it down, which takes about fall ×
 * inter; from then on the other instance serves everything.
 */
final class InstanceKill {

    private static final int RATE = 25;
    private static final Duration BEFORE = Duration.ofSeconds(3);
    private static final Duration AFTER = Duration.ofSeconds(9);
    /**
     * How long HAProxy may take to mark a dead instance down beyond fall × inter: a check in progress at the kill, and
     * HAProxy and this test waiting for a CPU on a busy machine.
     */
    private static final Duration MARGIN = Duration.ofSeconds(4);
    /** A request sent this long before the kill, or this long after the balancer's verdict, may still meet the dead instance. */
    private static final Duration IN_FLIGHT = Duration.ofSeconds(1);
    private static final String VICTIM = "a";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final FaultCluster cluster;

    InstanceKill(FaultCluster cluster) {
        this.cluster = cluster;
    }

    /** The home page rendered once on each instance, so that the load measures the kill and not a first render. */
    private static void warmHomePage() throws Exception {
        for (String instance : FaultCluster.INSTANCES) {
            HttpRequest home = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + FaultCluster.port(instance) + "/"))
                    .timeout(Duration.ofSeconds(20)).header("Accept", "text/html").build();
            assertThat(HTTP.send(home, HttpResponse.BodyHandlers.discarding()).statusCode()).as("home page on " + instance).isEqualTo(200);
        }
    }

    void run() throws Exception {
        warmHomePage();
        int requests = (int) (RATE * (BEFORE.toSeconds() + AFTER.toSeconds()));
        SteadyLoad load = SteadyLoad.start(requests, RATE, i -> cluster.uri("/"));
        long killedAt;
        long markedDownAt;
        try {
            Thread.sleep(BEFORE.toMillis()); // the load's fixed lead-in before the fault
            killedAt = System.nanoTime();
            cluster.kill(VICTIM);
            markedDownAt = cluster.balancer().awaitState(VICTIM, "DOWN", Duration.ofSeconds(30));
        } catch (Exception | Error e) {
            load.stop();
            throw e;
        }
        List<SteadyLoad.Answer> answers = load.await();
        List<SteadyLoad.Answer> failed = answers.stream().filter(SteadyLoad.Answer::failed).toList();
        List<SteadyLoad.Answer> afterVerdict = answers.stream().filter(a -> a.sentAt() > markedDownAt + IN_FLIGHT.toNanos()).toList();
        boolean othersServeAll = !afterVerdict.isEmpty() && afterVerdict.stream().noneMatch(SteadyLoad.Answer::failed);
        FaultTable.add(new FaultTable.Row("kill -9 of one of two instances", answers.size(), failed.size(),
                FaultTable.window(answers, killedAt) + " the kill; marked down " + FaultTable.seconds(markedDownAt - killedAt) + " after",
                othersServeAll, "home page views " + SteadyLoad.statuses(answers)));

        Duration bound = Haproxy.CHECK_INTERVAL.multipliedBy(Haproxy.FALL).plus(MARGIN);
        assertThat(Duration.ofNanos(markedDownAt - killedAt)).as("time until HAProxy marked the instance down").isLessThanOrEqualTo(bound);
        assertThat(failed).as("failures only between the kill and the balancer's verdict").allSatisfy(answer -> assertThat(answer.sentAt())
                .isBetween(killedAt - IN_FLIGHT.toNanos(), markedDownAt + IN_FLIGHT.toNanos()));
        assertThat(afterVerdict).as("requests after the verdict, all answered by the other instance").isNotEmpty()
                .allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
    }
}
