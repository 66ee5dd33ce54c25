package shop.storefront.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy on loopback as the ALB's stand-in: round robin over the instances, health checks on /q/health/ready, and no
 * retry on another server (an ALB does not retry either, so a request sent to a dead instance fails). Its statistics
 * page says how it sees each server, so tests wait for its verdicts instead of guessing how long they take.
 */
public final class Haproxy implements AutoCloseable {

    /** Health-check interval and the failures (and successes) in a row that mark a server down (and up again). */
    public static final Duration CHECK_INTERVAL = Duration.ofMillis(500);
    public static final int FALL = 2;
    public static final int RISE = 2;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final int statsPort;

    private Haproxy(Process process, int port, int statsPort) {
        this.process = process;
        this.port = port;
        this.statsPort = statsPort;
    }

    /** Starts HAProxy on this port for these servers (name to port), its statistics on statsPort. */
    public static Haproxy start(int port, int statsPort, Map<String, Integer> servers, String name) throws IOException {
        Path config = Path.of("target", name + ".cfg");
        Files.writeString(config, config(port, statsPort, servers));
        Process process = new ProcessBuilder("haproxy", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(Path.of("target", name + ".log").toFile()).start();
        return new Haproxy(process, port, statsPort);
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Each server's state as HAProxy sees it ("UP", "DOWN", "UP 1/2", "DOWN 1/2", ...); empty while not answering. */
    public Map<String, String> states() {
        HttpRequest csv = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/stats;csv"))
                .timeout(Duration.ofSeconds(2)).build();
        String body;
        try {
            body = HTTP.send(csv, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
        List<String> lines = body.lines().toList();
        if (lines.isEmpty()) {
            return Map.of();
        }
        List<String> header = List.of(lines.getFirst().replaceFirst("^# ", "").split(","));
        int server = header.indexOf("svname");
        int status = header.indexOf("status");
        Map<String, String> states = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            if (fields.length > status && fields[0].equals("storefront") && !fields[server].equals("BACKEND")) {
                states.put(fields[server], fields[status]);
            }
        }
        return states;
    }

    /** Waits until HAProxy sees this server in exactly this state (UP or DOWN); returns when it first did. */
    public long awaitState(String server, String state, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            last = states().get(server);
            if (state.equals(last)) {
                return System.nanoTime();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("HAProxy saw " + server + " as " + last + ", not " + state + ", within " + within);
    }

    private static String config(int port, int statsPort, Map<String, Integer> servers) {
        StringBuilder backend = new StringBuilder();
        servers.forEach((name, serverPort) -> backend.append("    server ").append(name).append(" 127.0.0.1:")
                .append(serverPort).append(" check\n"));
        return """
                global
                    maxconn 512
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 30s
                    timeout server 30s
                    timeout check 2s
                    retries 0
                frontend shop
                    bind 127.0.0.1:%d
                    default_backend storefront
                listen stats
                    bind 127.0.0.1:%d
                    stats enable
                    stats uri /stats
                backend storefront
                    balance roundrobin
                    option httpchk GET /q/health/ready
                    http-check expect status 200
                    default-server inter %dms fall %d rise %d
                %s""".formatted(port, statsPort, CHECK_INTERVAL.toMillis(), FALL, RISE, backend);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
