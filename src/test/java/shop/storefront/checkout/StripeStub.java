package shop.storefront.checkout;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Stripe's HTTP API as a WireMock server on a free loopback port for the test run; the app's Stripe client
 * talks to it, and card payments are switched on with throw-away test secrets.
 */
public class StripeStub implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET_KEY = "sk_test_storefront";
    public static final String WEBHOOK_SECRET = "whsec_test_storefront";
    /**
     * Read timeout of the app's Stripe client (ms): a slower answer counts as no answer. Long enough for the stub's
     * ordinary answers on a busy machine, where a short one would turn them into "no answer".
     */
    public static final int READ_TIMEOUT_MS = 5_000;
    /** How long an answer meant to come too late is held back: far past the read timeout, whatever the machine's speed. */
    public static final int TOO_LATE_MS = 3 * READ_TIMEOUT_MS;

    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return Map.of("quarkus.rest-client.stripe.url", "http://127.0.0.1:" + server.port(),
                "quarkus.rest-client.stripe.read-timeout", Integer.toString(READ_TIMEOUT_MS),
                "storefront.stripe.secret-key", SECRET_KEY,
                "storefront.stripe.webhook-secret", WEBHOOK_SECRET);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** The running stub, for stubbing answers and verifying what the app sent. */
    public static WireMockServer server() {
        return server;
    }
}
