package shop.storefront.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shop.storefront.cluster.AppInstance;
import shop.storefront.cluster.SharedServices;

/**
 * The packaged storefront keeps its tooling off the public port: metrics and OpenAPI answer only on the management
 * interface, while the health checks the ALB uses stay on the public port and answer reads only.
 */
class ToolingPortsIT {

    private static final int PORT = 18090;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static AppInstance instance;

    @BeforeAll
    static void start() {
        instance = AppInstance.start(PORT, SharedServices.devServices(), Map.of(), "tooling-ports.log");
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.stop();
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
    void toolingAnswersOnlyWhereItShould(String method, String path, String port, int status) throws IOException, InterruptedException {
        int target = port.equals("public") ? PORT : AppInstance.managementPort(PORT);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target + path)).timeout(Duration.ofSeconds(30))
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody())
                .build();
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(status);
    }
}
