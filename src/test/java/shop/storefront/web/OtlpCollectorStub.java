package shop.storefront.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * An OpenTelemetry collector's OTLP/HTTP trace endpoint on a loopback port (what the AWS Distro collector listens
 * on at :4318) that the app exports to. Tracing is switched on unless the init arg {@code tracing} is "default",
 * which leaves the application's own setting.
 */
public class OtlpCollectorStub implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;
    private boolean switchOn = true;

    @Override
    public void init(Map<String, String> initArgs) {
        switchOn = !"default".equals(initArgs.get("tracing"));
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(post(urlPathEqualTo("/v1/traces")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-protobuf")));
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                "quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:" + server.port(),
                "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                "quarkus.otel.bsp.schedule.delay", "200ms"));
        if (switchOn) {
            config.put("quarkus.otel.sdk.disabled", "false");
        }
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static WireMockServer server() {
        return server;
    }
}
