package shop.storefront.cluster;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import shop.storefront.web.Shopper;

/**
 * A shopper of the fault tests, talking to one instance (or the balancer) with a timeout on every request: during a
 * fault an answer that never comes must fail the test, not hang it.
 */
final class FaultShopper extends Shopper {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int ANSWER_TIMEOUT_MILLIS = 20_000;
    private static final AtomicInteger ORDERS = new AtomicInteger();

    FaultShopper(int port) {
        via(port);
    }

    @Override
    public RequestSpecification request() {
        RequestSpecification spec = super.request();
        RestAssuredConfig config = ((FilterableRequestSpecification) spec).getConfig();
        return spec.config(config.httpClient(config.getHttpClientConfig()
                .setParam("http.connection.timeout", CONNECT_TIMEOUT_MILLIS)
                .setParam("http.socket.timeout", ANSWER_TIMEOUT_MILLIS)));
    }

    Response addToCart(String sku) {
        return keep(request().contentType("application/json").body(Map.of("sku", sku, "quantity", 1)).post("/api/v1/cart/items"));
    }

    /** Places the cart's order as a guest paying on delivery, with a new idempotency key. */
    Response placeOrder(String email) {
        int n = ORDERS.incrementAndGet();
        Map<String, Object> body = Map.of("email", email, "shippingMethod", "standard",
                "paymentMethod", "cash-on-delivery", "shippingAddress", Map.of("fullName", "Fault Tester",
                        "line1", "Vesterbrogade " + n, "city", "København", "postalCode", "1620", "country", "DK"));
        return request().contentType("application/json").header("Idempotency-Key", "fault-" + n + "-" + System.nanoTime())
                .body(body).post("/api/v1/orders");
    }

    /** Posts the sign-in form with a CSRF token fetched earlier (the form's page may be unavailable by now). */
    Response signIn(String csrfToken, String email, String password) {
        return keep(request().contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrfToken)
                .formParam("email", email).formParam("password", password).post("/account/sign-in"));
    }
}
