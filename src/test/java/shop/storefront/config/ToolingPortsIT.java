package shop.storefront.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shop.storefront.cluster.SharedServices;
import shop.storefront.web.Eventually;

/**
 * The packaged storefront, run as in production (prod profile), keeps its tooling off the public port: metrics and
 * OpenAPI answer only on the management interface, while the health checks the ALB uses stay on the public port and
 * answer reads only.
 */
class ToolingPortsIT {

    private static final int PORT = 18090;
    private static final int MANAGEMENT_PORT = 19090;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static Process app;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + PORT, "-Dquarkus.management.port=" + MANAGEMENT_PORT));
        Map<String, String> services = new HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/storefront_test",
                "quarkus.datasource.username", "postgres", "quarkus.redis.hosts", "redis://127.0.0.1:6379/1"));
        services.putAll(SharedServices.devServices());
        services.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "tooling-ports.log").toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("STOREFRONT_") || k.startsWith("QUARKUS_"));
        builder.environment().putAll(Map.of("QUARKUS_PROFILE", "prod", "STOREFRONT_BASE_URL", "http://localhost:" + PORT,
                "STOREFRONT_SIGNING_KEY", "tooling-ports-it-signing-key-0123456789",
                "STOREFRONT_CHECKOUT_OFFLINE_PAYMENT_METHODS", "cash-on-delivery", "QUARKUS_MAILER_HOST", "127.0.0.1",
                "STOREFRONT_OUTBOX_WORKER_ENABLED", "false", "STOREFRONT_IMAGES_BUCKET", "storefront-tooling-ports-it"));
        app = builder.start();
        Eventually.within(Duration.ofSeconds(120), "the app ready on " + PORT, () -> {
            assertThat(app.isAlive()).as("running (see target/tooling-ports.log)").isTrue();
            return status("GET", PORT, "/q/health/ready") == 200;
        });
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (app != null) {
            app.destroy();
            app.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest(name = "{0} {1} on the {2} port -> {3}")
    @CsvSource({
        "GET,  /q/health/ready, public,     200",
        "HEAD, /q/health/live,  public,     200",
        "POST, /q/health/ready, public,     405",
        "GET,  /q/metrics,      public,     404",
        "GET,  /q/openapi,      public,     404",
        "GET,  /q/swagger-ui,   public,     404",
        "GET,  /q/metrics,      management, 200",
        "GET,  /q/openapi,      management, 200"})
    void toolingAnswersOnlyWhereItShould(String method, String path, String port, int expected) {
        assertThat(status(method, port.equals("public") ? PORT : MANAGEMENT_PORT, path)).isEqualTo(expected);
    }

    /** The status of a request, or -1 when nothing answers. */
    private static int status(String method, int port, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
