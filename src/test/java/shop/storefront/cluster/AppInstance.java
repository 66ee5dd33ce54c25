package shop.storefront.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Another storefront process from the packaged jar, sharing PostgreSQL and Redis with the instance the integration
 * test starts (Dev Services' containers included where Docker exists). It never resets or seeds the database.
 */
public final class AppInstance {

    private final Process process;
    private final int port;

    private AppInstance(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the packaged app on this port with these extra settings and waits until /q/health/ready answers 200:
     * the native executable when the build made one (-Dnative), else the jar (with its AOT cache, if packaged, and
     * the JVM options of the system property {@code app-instance.jvm-options}).
     */
    public static AppInstance start(int port, Map<String, String> devServices, Map<String, String> settings, String logName) {
        Path executable = Path.of(System.getProperty("native.image.path", "target/none-runner"));
        boolean nativeBuild = Files.isExecutable(executable);
        Path aotCache = Path.of("target", "quarkus-app", "app.aot");
        List<String> command = new ArrayList<>();
        if (nativeBuild) {
            command.add(executable.toString());
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            if (Files.isRegularFile(aotCache)) {
                command.add("-XX:AOTCache=" + aotCache);
            }
            // For profiling a run (a JFR recording, say); %p in an option becomes the instance's port.
            String jvmOptions = System.getProperty("app-instance.jvm-options", "").replace("%p", Integer.toString(port));
            command.addAll(Arrays.stream(jvmOptions.split("\\s+")).filter(option -> !option.isEmpty()).toList());
        }
        command.addAll(List.of("-Dquarkus.profile=" + System.getProperty("quarkus.test.profile", "test"),
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.flyway.clean-at-start=false",
                "-Dstorefront.demo-catalog.enabled=false"));
        devServices.forEach((key, value) -> command.add("-D" + key + "=" + value));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        if (!nativeBuild) {
            command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        }
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", logName).toFile())).start();
            AppInstance instance = new AppInstance(process, port);
            instance.awaitReady(logName);
            return instance;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start an instance on port " + port, e);
        }
    }

    public int port() {
        return port;
    }

    /** SIGKILL: the process dies at once, mid-work, as when an EC2 instance vanishes. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM, then waits for the process to exit. */
    public void stop() {
        if (process.isAlive()) {
            process.destroy();
            waitForExit();
        }
    }

    private void waitForExit() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(String logName) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
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
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop();
        throw new IllegalStateException("Instance on port " + port + " not ready within 90 s; see target/" + logName);
    }
}
