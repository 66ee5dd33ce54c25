package shop.storefront.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Health checks only answer reads; the ALB's GET keeps working. */
@QuarkusTest
class ToolingEndpointsTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "GET, /q/health/ready, 200", "HEAD, /q/health/ready, 200", "GET, /q/health, 200", "HEAD, /q/health/live, 200",
        "POST, /q/health/ready, 405", "PUT, /q/health, 405", "DELETE, /q/health/live, 405", "PATCH, /q/health/started, 405",
        "OPTIONS, /q/health/ready, 405", "POST, /q/health, 405", "TRACE, /q/health/ready, 405"})
    void healthAnswersReadsOnly(String method, String path, int status) {
        RawHttp.Answer answer = RawHttp.send(method, path, "", method.equals("GET") || method.equals("HEAD") ? null : "");
        assertThat(answer.status()).isEqualTo(status);
        if (status == 405) {
            assertThat(answer.header("Allow")).isEqualTo("GET, HEAD");
        }
    }
}
