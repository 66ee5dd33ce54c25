package shop.storefront.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.storefront.account.Accounts;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.Inventory;
import shop.storefront.checkout.internal.payment.StripeSignature;
import shop.storefront.web.Eventually;
import shop.storefront.web.Shopper;
import shop.storefront.web.SmtpServer;

/**
 * Card payments end to end: orders placed over the HTTP API, the Stripe adapter talking HTTP to a WireMock
 * Stripe, signed webhooks settling what checkout could not, on real PostgreSQL and Redis.
 */
@QuarkusTest
@QuarkusTestResource(StripeStub.class)
class StripePaymentsTest {

    // Each test buys its own SKU, so stock assertions never see another test's orders.
    private static final AtomicInteger NEXT_SKU = new AtomicInteger(1300);
    private static final Pattern ORDER_NUMBER = Pattern.compile("SF-[0-9A-Z]{4}-[0-9A-Z]{4}");
    private static final Duration WAIT = Eventually.BACKGROUND_WORK;

    @Inject
    CatalogOracle db;
    @Inject
    Inventory inventory;
    @Inject
    RedisDataSource redis;

    private WireMockServer stripe;

    @BeforeEach
    void freshStripe() {
        stripe = StripeStub.server();
        stripe.resetAll();
    }

    @Test
    void confirmedPaymentPaysTheOrderAndStripeIsAskedForTheTotalInCents() {
        String sku = skuWithStock(10);
        stubCreate("pi_1");
        stubConfirm("pi_1", okJson(intent("pi_1", "succeeded")));

        JsonPath placed = place(shopperWith(sku), idempotencyKey()).then().statusCode(201).extract().jsonPath();
        String number = placed.getString("order.number");
        assertThat(placed.getString("order.status")).isEqualTo("paid");
        assertThat(stock(sku)).as("one unit sold").isEqualTo(9);
        assertThat(db.string("SELECT payment_reference FROM orders.customer_order WHERE number = ?", number))
                .as("kept for refunds").isEqualTo("pi_1");

        String cents = new BigDecimal(placed.getString("order.total.amount")).movePointRight(2).toBigIntegerExact().toString();
        stripe.verify(1, postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                .withHeader("Authorization", equalTo("Bearer " + StripeStub.SECRET_KEY))
                .withHeader("Idempotency-Key", containing(number))
                .withFormParam("amount", equalTo(cents))
                .withFormParam("currency", equalTo("eur"))
                .withFormParam("payment_method", equalTo("pm_card_visa"))
                .withFormParam("metadata[order_number]", equalTo(number)));
        stripe.verify(1, postRequestedFor(urlPathEqualTo("/v1/payment_intents/pi_1/confirm"))
                .withHeader("Authorization", equalTo("Bearer " + StripeStub.SECRET_KEY))
                .withHeader("Idempotency-Key", containing(number)));
    }

    @Test
    void declinedCardCancelsTheOrderAndPutsTheStockBack() {
        String sku = skuWithStock(10);
        stubCreate("pi_2");
        stubConfirm("pi_2", aResponse().withStatus(402).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"type":"card_error","code":"card_declined","message":"Your card was declined.",
                 "payment_intent":{"id":"pi_2","status":"requires_payment_method"}}}"""));

        Response refused = place(shopperWith(sku), idempotencyKey());
        refused.then().statusCode(402).contentType("application/problem+json");
        String detail = refused.jsonPath().getString("detail");
        assertThat(detail).as("Stripe's reason reaches the shopper").contains("Your card was declined.").contains("cancelled");
        Matcher number = ORDER_NUMBER.matcher(detail);
        assertThat(number.find()).as("the message names the order").isTrue();
        assertThat(db.string("SELECT status FROM orders.customer_order WHERE number = ?", number.group())).isEqualTo("cancelled");
        assertThat(stock(sku)).as("the reserved unit is back").isEqualTo(10);
    }

    @Test
    void noAnswerInTimeLeavesTheOrderPendingUntilTheWebhookPaysIt() {
        String sku = skuWithStock(10);
        stubCreate("pi_3");
        // Would pay the order if the client waited for it: only the read timeout keeps the order pending.
        stubConfirm("pi_3", okJson(intent("pi_3", "succeeded")).withFixedDelay(StripeStub.TOO_LATE_MS));

        JsonPath placed = place(shopperWith(sku), idempotencyKey()).then().statusCode(201).extract().jsonPath();
        String number = placed.getString("order.number");
        String token = placed.getString("accessToken");
        assertThat(placed.getString("order.status")).isEqualTo("placed");
        stripe.verify(1, postRequestedFor(urlPathEqualTo("/v1/payment_intents/pi_3/confirm")));
        assertThat(stock(sku)).as("still reserved while the payment is open").isEqualTo(9);

        webhook(event("evt_" + number, "payment_intent.succeeded", number, "pi_3"))
                .then().statusCode(200).body("duplicate", is(false));
        assertThat(order(number, token).getString("status")).isEqualTo("paid");
        assertThat(db.string("SELECT payment_reference FROM orders.customer_order WHERE number = ?", number)).isEqualTo("pi_3");
    }

    @Test
    void redeliveredEventIsAppliedOnceAndAFailedPaymentCancelsOnlyAnUnpaidOrder() {
        String paidSku = skuWithStock(10);
        Placed paid = pendingOrder(paidSku, "pi_4");
        String succeeded = event("evt_ok_" + paid.number(), "payment_intent.succeeded", paid.number(), "pi_4");
        webhook(succeeded).then().statusCode(200).body("duplicate", is(false));
        webhook(succeeded).then().statusCode(200).body("duplicate", is(true));
        List<String> steps = order(paid.number(), paid.token()).getList("history.status");
        assertThat(steps).containsExactly("placed", "paid");

        // A late failure must not cancel a paid order nor hand its stock back.
        webhook(event("evt_late_" + paid.number(), "payment_intent.payment_failed", paid.number(), "pi_4")).then().statusCode(200);
        assertThat(order(paid.number(), paid.token()).getString("status")).isEqualTo("paid");
        assertThat(stock(paidSku)).isEqualTo(9);

        String failedSku = skuWithStock(10);
        Placed failed = pendingOrder(failedSku, "pi_5");
        assertThat(stock(failedSku)).isEqualTo(9);
        webhook(event("evt_ko_" + failed.number(), "payment_intent.payment_failed", failed.number(), "pi_5"))
                .then().statusCode(200).body("duplicate", is(false));
        JsonPath cancelled = order(failed.number(), failed.token());
        assertThat(cancelled.getString("status")).isEqualTo("cancelled");
        assertThat(cancelled.getString("history[-1].note")).contains("Your card has insufficient funds.");
        assertThat(stock(failedSku)).as("released").isEqualTo(10);
    }

    @Test
    void unsignedMisSignedOrStaleWebhooksChangeNothing() {
        Placed pending = pendingOrder(skuWithStock(10), "pi_6");
        String body = event("evt_sig_" + pending.number(), "payment_intent.succeeded", pending.number(), "pi_6");
        long now = Instant.now().getEpochSecond();

        List<Response> refused = List.of(
                webhook(body, null),
                webhook(body, signature(now, body, "whsec_someone_else")),
                webhook(body, signature(now, body.replace("pi_6", "pi_x"), StripeStub.WEBHOOK_SECRET)),
                webhook(body, signature(now - Duration.ofMinutes(6).toSeconds(), body, StripeStub.WEBHOOK_SECRET)));
        for (Response response : refused) {
            response.then().statusCode(400).contentType("application/problem+json")
                    .body("invalidParams[0].name", is("Stripe-Signature"));
        }
        assertThat(order(pending.number(), pending.token()).getString("status")).isEqualTo("placed");

        // The same event, properly signed, is then applied: the refusals were about the signature alone.
        webhook(body).then().statusCode(200).body("duplicate", is(false));
        assertThat(order(pending.number(), pending.token()).getString("status")).isEqualTo("paid");
    }

    @Test
    void cardOrdersAreConfirmedByEmailOnlyOnceTheirPaymentWentThrough() {
        stubCreate("pi_9");
        stubConfirm("pi_9", okJson(intent("pi_9", "succeeded")));
        String paidAtOnce = "paid.at.once." + UUID.randomUUID() + "@example.com";
        String number = place(shopperWith(skuWithStock(10)), idempotencyKey(), paidAtOnce).then().statusCode(201)
                .extract().jsonPath().getString("order.number");

        stubCreate("pi_17");
        stubConfirm("pi_17", aResponse().withStatus(402).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"type\":\"card_error\",\"message\":\"Your card was declined.\"}}"));
        String declined = "declined." + UUID.randomUUID() + "@example.com";
        place(shopperWith(skuWithStock(10)), idempotencyKey(), declined).then().statusCode(402);

        Placed authenticating = pendingOrder(skuWithStock(10), "pi_18");
        String email = order(authenticating.number(), authenticating.token()).getString("email");
        Eventually.within(WAIT, "confirmation of the paid order", () -> SmtpServer.messagesTo(paidAtOnce).size() == 1);
        assertThat(SmtpServer.subjects(paidAtOnce)).containsExactly("Your Storefront order " + number);
        Eventually.within(WAIT, "order-placed messages handled", () -> db.longValue(
                "SELECT count(*) FROM messaging.outbox WHERE topic IN ('order-placed', 'card-order-paid')") == 0);
        assertThat(SmtpServer.messagesTo(declined)).as("a declined card is never confirmed").isEmpty();
        assertThat(SmtpServer.messagesTo(email)).as("not while 3-D Secure is open").isEmpty();

        webhook(event("evt_3ds_" + authenticating.number(), "payment_intent.succeeded", authenticating.number(), "pi_18"))
                .then().statusCode(200);
        Eventually.within(WAIT, "confirmation once paid", () -> SmtpServer.messagesTo(email).size() == 1);
        assertThat(SmtpServer.body(SmtpServer.messagesTo(email).getFirst())).contains(authenticating.number(), "Paid");
        assertThat(SmtpServer.messagesTo(paidAtOnce)).as("still exactly one").hasSize(1);
    }

    @Test
    void anOpenCardPaymentIsVoidedAtStripeWhenItsOrderExpires() {
        String sku = skuWithStock(10);
        Placed open = pendingOrder(sku, "pi_10");
        stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/pi_10")).willReturn(okJson(intent("pi_10", "requires_action"))));
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents/pi_10/cancel")).willReturn(okJson(intent("pi_10", "canceled"))));

        expire(open.number());
        Eventually.within(WAIT, "payment voided", () -> settled(open.number()));
        stripe.verify(1, postRequestedFor(urlPathEqualTo("/v1/payment_intents/pi_10/cancel"))
                .withHeader("Authorization", equalTo("Bearer " + StripeStub.SECRET_KEY))
                .withHeader("Idempotency-Key", containing(open.number())));
        stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/refunds")));
        assertThat(order(open.number(), open.token()).getString("status")).isEqualTo("cancelled");
        assertThat(stock(sku)).isEqualTo(10);
    }

    @Test
    void aPaymentThatWentThroughAfterCancellationIsRefundedOnce() {
        Placed late = pendingOrder(skuWithStock(10), "pi_11");
        // Stripe is still processing when the window closes (the settlement is retried), then the payment succeeds.
        stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/pi_11")).inScenario("pi_11").whenScenarioStateIs(STARTED)
                .willReturn(okJson(intent("pi_11", "processing"))).willSetStateTo("succeeded"));
        stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/pi_11")).inScenario("pi_11").whenScenarioStateIs("succeeded")
                .willReturn(okJson(intent("pi_11", "succeeded"))));
        stripe.stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(okJson("{\"id\":\"re_11\",\"status\":\"succeeded\"}")));

        expire(late.number());
        Eventually.within(WAIT, "first settlement attempt failed", () -> db.longValue("SELECT coalesce(sum(attempts), 0)"
                + " FROM messaging.outbox WHERE topic = 'cancelled-order-payment' AND payload->>'orderNumber' = ?", late.number()) >= 1
                || "refunded".equals(order(late.number(), late.token()).getString("status")));
        // Stripe's webhook for the payment queues a second settlement of the same order.
        webhook(event("evt_late_ok_" + late.number(), "payment_intent.succeeded", late.number(), "pi_11"))
                .then().statusCode(200).body("duplicate", is(false));
        Eventually.within(WAIT, "both settlements handled", () -> settled(late.number()));

        JsonPath refunded = order(late.number(), late.token());
        assertThat(refunded.getList("history.status")).containsExactly("placed", "cancelled", "refunded");
        assertThat(refunded.getString("history[-1].note")).contains("refunded");
        stripe.verify(1, postRequestedFor(urlPathEqualTo("/v1/refunds"))
                .withFormParam("payment_intent", equalTo("pi_11"))
                .withHeader("Idempotency-Key", containing(late.number())));
    }

    @Test
    void aSuccessWebhookForAnOrderCancelledMeanwhileRefundsThePayment() {
        String sku = skuWithStock(10);
        // Stripe never answered the create call, so the order does not know its payment yet.
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents"))
                .willReturn(okJson(intent("pi_12", "requires_confirmation")).withFixedDelay(StripeStub.TOO_LATE_MS)));
        JsonPath placed = place(shopperWith(sku), idempotencyKey()).then().statusCode(201).extract().jsonPath();
        Placed unknown = new Placed(placed.getString("order.number"), placed.getString("accessToken"), null, null, null, null);
        expire(unknown.number());
        Eventually.within(WAIT, "order expired", () -> settled(unknown.number()));
        assertThat(order(unknown.number(), unknown.token()).getString("status")).isEqualTo("cancelled");

        stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/pi_12")).willReturn(okJson(intent("pi_12", "succeeded"))));
        stripe.stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(okJson("{\"id\":\"re_12\",\"status\":\"succeeded\"}")));
        webhook(event("evt_after_" + unknown.number(), "payment_intent.succeeded", unknown.number(), "pi_12"))
                .then().statusCode(200).body("duplicate", is(false));
        Eventually.within(WAIT, "payment refunded", () -> "refunded".equals(order(unknown.number(), unknown.token()).getString("status")));
        stripe.verify(1, postRequestedFor(urlPathEqualTo("/v1/refunds")).withFormParam("payment_intent", equalTo("pi_12")));
        assertThat(stock(sku)).as("released once, at cancellation").isEqualTo(10);
    }

    @Test
    void aRetryAfterThreeDSecureShowsThePaymentAsItStandsNow() {
        String sku = skuWithStock(10);
        Placed authenticated = pendingOrder(sku, "pi_13");
        assertThat(authenticated.clientSecret()).as("what Stripe.js needs to run 3-D Secure").isEqualTo("pi_13_secret_test");
        stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/pi_13")).willReturn(okJson(intent("pi_13", "succeeded"))));

        JsonPath again = place(authenticated.shopper(), authenticated.idempotencyKey(), authenticated.email())
                .then().statusCode(200).extract().jsonPath();
        assertThat(again.getString("order.number")).isEqualTo(authenticated.number());
        assertThat(again.getString("order.status")).isEqualTo("paid");
        assertThat(again.getString("paymentClientSecret")).isNull();
        stripe.verify(1, postRequestedFor(urlPathEqualTo("/v1/payment_intents")));

        String failedSku = skuWithStock(10);
        Placed failed = pendingOrder(failedSku, "pi_14");
        stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/pi_14")).willReturn(okJson("""
                {"id":"pi_14","status":"requires_payment_method","last_payment_error":{"message":"Authentication failed."}}""")));
        Response refused = place(failed.shopper(), failed.idempotencyKey(), failed.email());
        refused.then().statusCode(402);
        assertThat(refused.jsonPath().getString("detail")).contains("Authentication failed.", failed.number());
        assertThat(order(failed.number(), failed.token()).getString("status")).isEqualTo("cancelled");
        assertThat(stock(sku)).as("the paid order keeps its unit").isEqualTo(9);
        assertThat(stock(failedSku)).as("the cancelled order's unit is back").isEqualTo(10);
    }

    @Test
    void staffCannotMarkACardOrderPaidAndAFailedRefundLeavesTheOrderPaid() {
        Shopper staff = staff();
        Placed pending = pendingOrder(skuWithStock(10), "pi_15");
        staff.request().contentType("application/json").body("{}").post("/api/v1/admin/orders/" + pending.number() + "/mark-paid")
                .then().statusCode(409);
        assertThat(order(pending.number(), pending.token()).getString("status")).isEqualTo("placed");

        String sku = skuWithStock(10);
        stubCreate("pi_16");
        stubConfirm("pi_16", okJson(intent("pi_16", "succeeded")));
        JsonPath placed = place(shopperWith(sku), idempotencyKey()).then().statusCode(201).extract().jsonPath();
        String paid = placed.getString("order.number");
        stripe.stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(aResponse().withStatus(500)));
        Response failed = staff.request().contentType("application/json").body("{}").post("/api/v1/admin/orders/" + paid + "/cancel");
        failed.then().statusCode(502).contentType("application/problem+json");
        assertThat(failed.jsonPath().getString("detail")).contains("refund", "unchanged");
        assertThat(order(paid, placed.getString("accessToken")).getString("status")).isEqualTo("paid");
        assertThat(stock(sku)).as("still sold").isEqualTo(9);

        // The 500 hid a refund that went through: Stripe now refuses a second one, which counts as done.
        stripe.stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"charge_already_refunded\","
                        + "\"message\":\"Charge ch_16 has already been refunded.\"}}")));
        staff.request().contentType("application/json").body("{}").post("/api/v1/admin/orders/" + paid + "/cancel").then().statusCode(200)
                .body("status", is("refunded"));
        assertThat(stock(sku)).isEqualTo(10);
        List<String> keys = stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/refunds")).withFormParam("payment_intent", equalTo("pi_16")))
                .stream().map(r -> r.getHeader("Idempotency-Key")).toList();
        assertThat(keys).as("a fresh key per attempt: Stripe would replay the 500 under the first").hasSize(2).doesNotHaveDuplicates();
    }

    /** An order and what repeating its checkout needs: the same cart, key and details. */
    private record Placed(String number, String token, String clientSecret, Shopper shopper, String idempotencyKey, String email) {
    }

    /** A signed-in customer with the admin role. */
    private Shopper staff() {
        Accounts.resetRateLimits(redis);
        String email = Accounts.signedUp(new Shopper());
        db.update("UPDATE account.customer SET role = 'admin' WHERE email = ?", email);
        Shopper staff = new Shopper();
        assertThat(Accounts.signIn(staff, email, Accounts.PASSWORD).statusCode()).isEqualTo(303);
        return staff;
    }

    /** Closes the order's payment window now instead of in an hour. */
    private void expire(String number) {
        db.update("UPDATE messaging.outbox SET available_at = now() WHERE topic = 'reservation-expiry' AND payload->>'orderNumber' = ?",
                number);
    }

    /** No expiry and no payment settlement left queued for the order; failing if one gave up (dead-lettered). */
    private boolean settled(String number) {
        assertThat(db.longValue("SELECT count(*) FROM messaging.dead_letter WHERE payload->>'orderNumber' = ?", number))
                .as("dead letters of " + number).isZero();
        return db.longValue("SELECT count(*) FROM messaging.outbox WHERE topic IN ('reservation-expiry', 'cancelled-order-payment')"
                + " AND payload->>'orderNumber' = ?", number) == 0;
    }

    /** An order whose card payment needs the shopper's bank (3-D Secure): placed, waiting for the webhook. */
    private Placed pendingOrder(String sku, String intentId) {
        stubCreate(intentId);
        stubConfirm(intentId, okJson(intent(intentId, "requires_action")));
        Shopper shopper = shopperWith(sku);
        String key = idempotencyKey();
        String email = "card.buyer." + UUID.randomUUID() + "@example.com";
        JsonPath placed = place(shopper, key, email).then().statusCode(201).extract().jsonPath();
        assertThat(placed.getString("order.status")).isEqualTo("placed");
        assertThat(db.string("SELECT payment_reference FROM orders.customer_order WHERE number = ?", placed.getString("order.number")))
                .as("kept to settle the payment later").isEqualTo(intentId);
        return new Placed(placed.getString("order.number"), placed.getString("accessToken"), placed.getString("paymentClientSecret"),
                shopper, key, email);
    }

    private void stubCreate(String intentId) {
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(okJson(intent(intentId, "requires_confirmation"))));
    }

    private void stubConfirm(String intentId, ResponseDefinitionBuilder answer) {
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents/" + intentId + "/confirm")).willReturn(answer));
    }

    private static String intent(String id, String status) {
        return "{\"id\":\"" + id + "\",\"object\":\"payment_intent\",\"status\":\"" + status
                + "\",\"client_secret\":\"" + id + "_secret_test\"}";
    }

    private static String event(String id, String type, String orderNumber, String intentId) {
        String error = type.endsWith("failed") ? ",\"last_payment_error\":{\"message\":\"Your card has insufficient funds.\"}" : "";
        return "{\"id\":\"" + id + "\",\"object\":\"event\",\"type\":\"" + type + "\",\"data\":{\"object\":{\"id\":\""
                + intentId + "\",\"object\":\"payment_intent\",\"metadata\":{\"order_number\":\"" + orderNumber + "\"}" + error + "}}}";
    }

    private static String signature(long timestamp, String body, String secret) {
        return "t=" + timestamp + ",v1=" + StripeSignature.sign(timestamp + "." + body, secret);
    }

    private static Response webhook(String body) {
        return webhook(body, signature(Instant.now().getEpochSecond(), body, StripeStub.WEBHOOK_SECRET));
    }

    private static Response webhook(String body, String signature) {
        var request = given().contentType("application/json").body(body);
        if (signature != null) {
            request = request.header("Stripe-Signature", signature);
        }
        return request.post("/api/v1/payments/stripe/webhook");
    }

    private String skuWithStock(int stock) {
        String sku = db.string("SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id"
                + " WHERE p.status = 'active' ORDER BY v.id OFFSET ? LIMIT 1", NEXT_SKU.getAndAdd(7));
        inventory.setStock(sku, stock);
        return sku;
    }

    private long stock(String sku) {
        return db.longValue("SELECT stock_on_hand FROM catalog.variant WHERE sku = ?", sku);
    }

    private static Shopper shopperWith(String sku) {
        Shopper shopper = new Shopper();
        shopper.keep(shopper.request().contentType("application/json").body(Map.of("sku", sku, "quantity", 1))
                .post("/api/v1/cart/items")).then().statusCode(200);
        return shopper;
    }

    private static String idempotencyKey() {
        return "stripe-test-" + UUID.randomUUID();
    }

    private static Response place(Shopper shopper, String idempotencyKey) {
        return place(shopper, idempotencyKey, "card.buyer." + UUID.randomUUID() + "@example.com");
    }

    private static Response place(Shopper shopper, String idempotencyKey, String email) {
        Map<String, Object> body = Map.of("email", email,
                "shippingAddress", Map.of("fullName", "Erika Mustermann", "line1", "Hauptstrasse 1", "line2", "",
                        "city", "Berlin", "postalCode", "10115", "country", "DE", "phone", "+49 30 1234567"),
                "shippingMethod", "standard", "paymentMethod", "card", "paymentMethodId", "pm_card_visa");
        return shopper.keep(shopper.request().contentType("application/json").header("Idempotency-Key", idempotencyKey)
                .body(body).post("/api/v1/orders"));
    }

    private static JsonPath order(String number, String token) {
        return given().queryParam("token", token).get("/api/v1/orders/" + number).then().statusCode(200).extract().jsonPath();
    }
}
