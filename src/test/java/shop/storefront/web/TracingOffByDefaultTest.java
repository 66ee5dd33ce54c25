package shop.storefront.web;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** With a collector configured but tracing not switched on (the default), nothing is sent to it. */
@QuarkusTest
@QuarkusTestResource(value = OtlpCollectorStub.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "tracing", value = "default"))
class TracingOffByDefaultTest {

    @Test
    void noSpansLeaveTheInstanceUnlessTracingIsSwitchedOn() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            given().get("/api/v1/categories").then().statusCode(200);
        }
        // Ten times the export delay that makes OtlpTracingTest's spans arrive.
        Thread.sleep(2_000);
        assertThat(OtlpCollectorStub.server().findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }
}
