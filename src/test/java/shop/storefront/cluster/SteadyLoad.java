package shop.storefront.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Shoppers' page views through the balancer during a fault: a fixed number of GETs at a fixed rate, each with a
 * timeout, none waiting for another (an open-loop load, as real shoppers do not wait for each other). Each answer is
 * kept with the moment its request was sent, so a test can say when the failures happened.
 */
public final class SteadyLoad {

    /** One request: when it was sent (System.nanoTime), what it asked for, the status (-1: no answer) or the error. */
    public record Answer(long sentAt, String path, int status, String error) {

        boolean failed() {
            return status != 200;
        }
    }

    /** Longest a request may take; a slower answer counts as a failure. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final Thread sender;
    private final List<CompletableFuture<Answer>> answers = new ArrayList<>();
    private final int requests;
    private final Duration sending;

    private SteadyLoad(int requests, int perSecond, IntFunction<URI> target) {
        this.requests = requests;
        this.sending = Duration.ofSeconds(requests / perSecond + 30);
        long period = TimeUnit.SECONDS.toNanos(1) / perSecond;
        this.sender = Thread.ofPlatform().name("steady-load").start(() -> send(period, target));
    }

    /** Starts sending {@code requests} GETs, {@code perSecond} a second; request i goes to {@code target.apply(i)}. */
    public static SteadyLoad start(int requests, int perSecond, IntFunction<URI> target) {
        return new SteadyLoad(requests, perSecond, target);
    }

    private void send(long period, IntFunction<URI> target) {
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            }
            URI uri = target.apply(i);
            String accept = uri.getPath().startsWith("/api/") ? "application/json" : "text/html";
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", accept).build();
            long sentAt = System.nanoTime();
            synchronized (answers) {
                answers.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                        .thenApply(r -> new Answer(sentAt, uri.getPath(), r.statusCode(), null))
                        .exceptionally(e -> new Answer(sentAt, uri.getPath(), -1, e.getClass().getSimpleName() + ": " + e.getMessage())));
            }
        }
    }

    /** Waits for the last request to be sent and every answer (each bounded by its timeout). */
    public List<Answer> await() throws InterruptedException, ExecutionException, TimeoutException {
        if (!sender.join(sending)) {
            throw new AssertionError("Sending " + requests + " requests took longer than " + sending);
        }
        List<Answer> all = new ArrayList<>();
        synchronized (answers) {
            for (CompletableFuture<Answer> answer : answers) {
                all.add(answer.get(REQUEST_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS));
            }
        }
        if (all.size() != requests) {
            throw new AssertionError("Sent " + all.size() + " of " + requests + " requests");
        }
        return all;
    }

    /** How many answers had each status ("no answer" for none), e.g. {200=250, 503=14}: what the shoppers saw. */
    public static Map<String, Long> statuses(List<Answer> answers) {
        return answers.stream().collect(Collectors.groupingBy(a -> a.status() < 0 ? "no answer" : Integer.toString(a.status()),
                TreeMap::new, Collectors.counting()));
    }

    /** Stops sending; for a test that fails before the load is over. */
    public void stop() {
        sender.interrupt();
    }
}
