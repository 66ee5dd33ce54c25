package shop.storefront.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import shop.storefront.checkout.StripeStub;
import shop.storefront.checkout.internal.payment.StripeSignature;

/** Request ids from the load balancer (or made up), echoed and in the logs; HSTS only for https; security headers everywhere. */
@QuarkusTest
class RequestTracingTest {

    @Test
    void theAlbTraceIdBecomesTheRequestIdOfTheResponseAndOfEveryLogLine() {
        List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext && record.getLoggerName().startsWith("shop.storefront")) {
                    ext.copyMdc(); // as the log line is written, on the thread that logged it
                    records.add(ext);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            // A signed webhook for an order nobody placed: the storefront logs a warning while handling it.
            String trace = "Root=1-67891233-abcdef012345678912345678";
            long now = System.currentTimeMillis() / 1000;
            String body = "{\"id\":\"evt_trace_" + System.nanoTime() + "\",\"type\":\"payment_intent.succeeded\","
                    + "\"data\":{\"object\":{\"id\":\"pi_x\",\"metadata\":{\"order_number\":\"SF-0000-0000\"}}}}";
            Response response = given().header("X-Amzn-Trace-Id", trace).contentType("application/json")
                    .header("Stripe-Signature", "t=" + now + ",v1=" + StripeSignature.sign(now + "." + body, StripeStub.WEBHOOK_SECRET))
                    .body(body).post("/api/v1/payments/stripe/webhook");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.header("X-Request-Id")).isEqualTo(trace);
            assertThat(records).filteredOn(r -> r.getFormattedMessage().contains("SF-0000-0000")).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.getMdc("requestId")).isEqualTo(trace));
        } finally {
            root.removeHandler(capture);
        }
    }

    @Test
    void withoutATraceIdARequestIdIsMadeUpAndAHostileOneIsReplaced() {
        String made = given().get("/").then().statusCode(200).extract().header("X-Request-Id");
        assertThat(made).matches("[0-9a-f-]{36}");
        assertThat(given().get("/").header("X-Request-Id")).isNotEqualTo(made);
        String hostile = given().header("X-Amzn-Trace-Id", "x\u0001<script>").get("/").header("X-Request-Id");
        assertThat(hostile).matches("[0-9a-f-]{36}");
    }

    @Test
    void hstsOnlyWhenTheShopperUsedHttpsAndSecurityHeadersOnEveryResponse() {
        Response https = given().header("X-Forwarded-Proto", "https").get("/");
        assertThat(https.header("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
        assertThat(given().get("/").header("Strict-Transport-Security")).isNull();
        for (String path : List.of("/", "/api/v1/categories", "/no-such-page", "/api/v1/cart")) {
            Response r = given().get(path);
            assertThat(r.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(r.header("Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
            assertThat(r.header("Content-Security-Policy")).as(path).contains("frame-ancestors 'none'", "script-src 'self'")
                    .doesNotContain("unsafe-inline");
        }
    }
}
