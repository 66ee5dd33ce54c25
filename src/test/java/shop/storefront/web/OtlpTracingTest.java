package shop.storefront.web;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Switched on, every request becomes a trace exported over OTLP, with the service name and the route. */
@QuarkusTest
@QuarkusTestResource(value = OtlpCollectorStub.class, restrictToAnnotatedClass = true)
class OtlpTracingTest {

    @Test
    void requestsAreExportedAsSpansToTheCollector() {
        String traceparent = given().get("/api/v1/categories").then().statusCode(200).extract().header("traceparent");
        Eventually.within(Eventually.BACKGROUND_WORK, "spans exported", () -> exported().stream()
                .anyMatch(body -> body.contains("/api/v1/categories")));
        String spans = exported().stream().filter(body -> body.contains("/api/v1/categories")).findFirst().orElseThrow();
        assertThat(spans).contains("storefront");
        assertThat(OtlpCollectorStub.server().findAll(postRequestedFor(urlPathEqualTo("/v1/traces"))).getFirst().getHeader("Content-Type"))
                .isEqualTo("application/x-protobuf");
        assertThat(traceparent).as("no trace context is sent to shoppers").isNull();
    }

    /** The bodies (protobuf; its strings are readable) the collector received. */
    private static List<String> exported() {
        return OtlpCollectorStub.server().findAll(postRequestedFor(urlPathEqualTo("/v1/traces"))).stream()
                .map(LoggedRequest::getBody).map(bytes -> new String(bytes, StandardCharsets.ISO_8859_1)).toList();
    }
}
