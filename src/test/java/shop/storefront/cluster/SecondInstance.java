package shop.storefront.cluster;

import io.quarkus.test.common.DevServicesContext;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A second storefront instance from the same packaged jar, sharing PostgreSQL and Redis with the one the
 * integration test starts (including Dev Services' containers where Docker exists). It is fully up before
 * the first instance starts and does not reset or seed the database.
 */
public class SecondInstance implements QuarkusTestResourceLifecycleManager, DevServicesContext.ContextAware {

    public static final int PORT = 18082;
    private Map<String, String> devServices = Map.of();
    private Process process;

    @Override
    public void setIntegrationTestContext(DevServicesContext context) {
        devServices = context.devServicesProperties();
    }

    @Override
    public Map<String, String> start() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.profile=" + System.getProperty("quarkus.test.profile", "test"),
                "-Dquarkus.http.port=" + PORT,
                "-Dquarkus.flyway.clean-at-start=false",
                "-Dstorefront.demo-catalog.enabled=false"));
        devServices.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(Path.of("target", "second-instance.log").toFile()).start();
            awaitReady();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the second instance", e);
        }
        return Map.of();
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep();
        }
        stop();
        throw new IllegalStateException("Second instance not ready within 90 s; see target/second-instance.log");
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
