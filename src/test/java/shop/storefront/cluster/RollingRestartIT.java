package shop.storefront.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A rolling deployment behind a load balancer: HAProxy (the ALB's stand-in, health checks on /q/health/ready) in
 * front of two instances, a bounded wrk load through it, and each instance stopped with SIGTERM and started again
 * in turn. Not one request may fail: on SIGTERM an instance reports not-ready at once, keeps serving until the
 * balancer has taken it out, then drains.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = SharedServices.class, restrictToAnnotatedClass = true)
class RollingRestartIT {

    private static final int BALANCER = 18090;
    private static final int[] PORTS = {18084, 18085};
    private static final Map<String, String> SETTINGS = Map.of(
            // HAProxy below checks every 500 ms and needs two failures: 2 s of not-ready serving is plenty.
            "quarkus.shutdown.delay", "2s", "quarkus.shutdown.timeout", "10s",
            "quarkus.http.host", "127.0.0.1");

    @Test
    void restartingEveryInstanceUnderLoadFailsNoRequest() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        assumeTrue(ci || (onPath("haproxy") && onPath("wrk")), "haproxy and wrk not installed (apt-get install haproxy wrk); skipped");
        Map<String, String> devServices = SharedServices.devServices();
        List<AppInstance> instances = new ArrayList<>();
        for (int port : PORTS) {
            instances.add(AppInstance.start(port, devServices, SETTINGS, "rolling-" + port + ".log"));
        }
        Path config = Path.of("target", "haproxy.cfg");
        Files.writeString(config, haproxyConfig());
        Process haproxy = new ProcessBuilder("haproxy", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "haproxy.log").toFile()).start();
        Process wrk = null;
        try {
            awaitStatus(BALANCER, "/", 200, Duration.ofSeconds(20));
            wrk = new ProcessBuilder("wrk", "-t2", "-c8", "-d40s", "--timeout", "10s", "http://127.0.0.1:" + BALANCER + "/")
                    .redirectErrorStream(true).redirectOutput(Path.of("target", "wrk-rolling-restart.txt").toFile()).start();
            Thread.sleep(3_000);
            for (int i = 0; i < PORTS.length; i++) {
                AppInstance leaving = instances.get(i);
                Thread stopping = Thread.ofPlatform().start(leaving::stop); // SIGTERM, then wait for the exit
                awaitStatus(PORTS[i], "/q/health/ready", 503, Duration.ofSeconds(2));
                assertThat(status(PORTS[i], "/")).as("still serving while not ready").isEqualTo(200);
                stopping.join(Duration.ofSeconds(30).toMillis());
                assertThat(stopping.isAlive()).as("exited within delay + timeout").isFalse();
                instances.set(i, AppInstance.start(PORTS[i], devServices, SETTINGS, "rolling-" + PORTS[i] + ".log"));
                Thread.sleep(2_000); // HAProxy needs two good checks (1 s) before it sends traffic again
            }
            assertThat(wrk.waitFor(60, TimeUnit.SECONDS)).as("wrk finished").isTrue();
        } finally {
            if (wrk != null) {
                wrk.destroyForcibly();
            }
            haproxy.destroy();
            instances.forEach(AppInstance::stop);
        }
        String report = Files.readString(Path.of("target", "wrk-rolling-restart.txt"));
        System.out.println("Rolling restart under load (wrk through HAProxy):\n" + report);
        assertThat(report).contains("requests in").doesNotContain("Non-2xx or 3xx responses").doesNotContain("Socket errors");
    }

    private static String haproxyConfig() {
        StringBuilder servers = new StringBuilder();
        for (int port : PORTS) {
            servers.append("    server app").append(port).append(" 127.0.0.1:").append(port).append(" check\n");
        }
        return """
                global
                    maxconn 256
                defaults
                    mode http
                    timeout connect 1s
                    timeout client 30s
                    timeout server 30s
                    # No retries on another server: a request that reaches a dying instance must fail the test.
                    retries 0
                frontend shop
                    bind 127.0.0.1:%d
                    default_backend storefront
                backend storefront
                    balance roundrobin
                    option httpchk GET /q/health/ready
                    http-check expect status 200
                    default-server inter 500ms fall 2 rise 2
                %s""".formatted(BALANCER, servers);
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static int status(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void awaitStatus(int port, String path, int expected, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            try {
                last = status(port, path);
                if (last == expected) {
                    return;
                }
            } catch (IOException e) {
                last = -1;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(path + " on " + port + " answered " + last + ", not " + expected + ", within " + within);
    }
}
