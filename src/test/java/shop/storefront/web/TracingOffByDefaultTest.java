package shop.storefront.web;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** With a collector configured but tracing not switched on (the default), nothing is sent to it. */
@QuarkusTest
@QuarkusTestResource(value = OtlpCollectorStub.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "tracing", value = "default"))
class TracingOffByDefaultTest {

    @Inject
    OpenTelemetry openTelemetry;

    @Test
    void noSpansLeaveTheInstanceUnlessTracingIsSwitchedOn() {
        for (int i = 0; i < 5; i++) {
            given().get("/api/v1/categories").then().statusCode(200);
        }
        // Export whatever spans are waiting now, rather than waiting a guessed time for the exporter's next run.
        OpenTelemetrySdk sdk = (OpenTelemetrySdk) ClientProxy.unwrap(openTelemetry);
        assertThat(sdk.getSdkTracerProvider().forceFlush().join(60, TimeUnit.SECONDS).isSuccess()).as("flushed").isTrue();
        assertThat(OtlpCollectorStub.server().findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }
}
