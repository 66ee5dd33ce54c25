package shop.storefront.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.storefront.account.Accounts;
import shop.storefront.backoffice.Staff;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.Inventory;
import shop.storefront.web.Shopper;

/** Staff work orders in the back office: every action audited, named in the order's history, and seen by the customer. */
@QuarkusTest
@QuarkusTestResource(StripeStub.class)
class AdminOrdersTest {

    @Inject
    CatalogOracle db;
    @Inject
    Inventory inventory;
    @Inject
    RedisDataSource redis;

    private Staff.Admin admin;

    @BeforeEach
    void signedInAdmin() {
        Accounts.resetRateLimits(redis);
        admin = Staff.signedInAdmin(db);
    }

    @Test
    void cancellingPutsTheStockBackTheCustomerSeesItAndTheTrailNamesTheAdmin() {
        String sku = Checkouts.sku(db, inventory, 5);
        Shopper customer = new Shopper();
        String email = Accounts.signedUp(customer);
        Checkouts.addToCart(customer, sku, 2);
        Response placed = Checkouts.place(customer, Checkouts.newKey(), Checkouts.body(email));
        assertThat(placed.statusCode()).as(placed.asString()).isEqualTo(201);
        String number = placed.jsonPath().getString("order.number");
        assertThat(stock(sku)).isEqualTo(3);

        String page = admin.browser().get(orderPage(number)).asString();
        assertThat(page).contains(">Cancel order</button>", ">Mark paid</button>").doesNotContain(">Refund</button>", ">Mark shipped</button>");

        Response cancelled = act(number, "cancel", "placed", "Customer phoned to cancel");
        assertThat(cancelled.statusCode()).isEqualTo(303);
        assertThat(cancelled.header("Location")).endsWith(orderPage(number) + "?done=cancel");
        assertThat(stock(sku)).as("both units back on the shelf").isEqualTo(5);
        assertThat(customer.get("/orders/" + number).asString()).contains("<strong class=\"order-status\">Cancelled</strong>",
                "Customer phoned to cancel");

        assertThat(db.rows("SELECT actor, action, detail FROM backoffice.audit_entry WHERE subject = ?", number))
                .containsExactly(List.of(admin.email(), "order.cancelled", "Placed → Cancelled; note: Customer phoned to cancel"));
        assertThat(history(number, "cancelled")).containsExactly(List.of("Customer phoned to cancel", admin.email()));
        assertThat(db.longValue("SELECT count(*) FROM orders.status_change c JOIN orders.customer_order o ON o.id = c.order_id"
                + " WHERE o.number = ? AND c.status = 'placed' AND c.changed_by IS NULL", number))
                .as("the shopper's own step names no staff").isEqualTo(1);
        String after = admin.browser().get(orderPage(number) + "?done=cancel").asString();
        assertThat(after).contains("is cancelled; its stock is back on sale", admin.email(),
                ">Refund</button>", "Only for a payment that arrived after the order was cancelled")
                .doesNotContain(">Cancel order</button>", ">Mark paid</button>", ">Mark shipped</button>");

        // The same form sent again (a double click, or a second tab): refused with the reason, nothing changed.
        Response again = act(number, "cancel", "placed", "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.asString()).contains("changed while you were looking at it", "Nothing was done");
        assertThat(stock(sku)).isEqualTo(5);
        assertThat(db.longValue("SELECT count(*) FROM backoffice.audit_entry WHERE subject = ?", number)).isEqualTo(1);
    }

    @Test
    void markPaidThenShippedThroughThePagesWhileRefusedTransitionsChangeNothing() {
        String number = Checkouts.guestOrder(Checkouts.sku(db, inventory, 5), "pays-by-transfer@example.com", "bank-transfer");

        Response unpaidShipping = act(number, "fulfil", "placed", "");
        assertThat(unpaidShipping.statusCode()).isEqualTo(409);
        assertThat(unpaidShipping.asString()).contains("is not paid yet");
        assertThat(status(number)).isEqualTo("placed");

        String tooLong = "x".repeat(201);
        Response badNote = act(number, "mark-paid", "placed", tooLong);
        assertThat(badNote.statusCode()).isEqualTo(400);
        assertThat(badNote.asString()).contains("aria-invalid=\"true\" aria-describedby=\"note-mark-paid-error\"",
                "The note can be at most 200 characters", "value=\"" + "x".repeat(200) + "\"");
        assertThat(status(number)).isEqualTo("placed");

        assertThat(act(number, "mark-paid", "placed", "Transfer arrived on the 5th").statusCode()).isEqualTo(303);
        assertThat(status(number)).isEqualTo("paid");
        assertThat(history(number, "paid")).containsExactly(List.of("Transfer arrived on the 5th", admin.email()));

        Response paidTwice = act(number, "mark-paid", "paid", "");
        assertThat(paidTwice.statusCode()).as("not allowed by the status table").isEqualTo(409);
        assertThat(paidTwice.asString()).contains("is not waiting for payment");
        assertThat(db.longValue("SELECT count(*) FROM orders.status_change c JOIN orders.customer_order o ON o.id = c.order_id"
                + " WHERE o.number = ?", number)).isEqualTo(2);

        String paidPage = admin.browser().get(orderPage(number)).asString();
        assertThat(paidPage).contains(">Mark shipped</button>", ">Refund</button>").doesNotContain(">Mark paid</button>", ">Cancel order</button>");
        assertThat(act(number, "fulfil", "paid", "").statusCode()).isEqualTo(303);
        assertThat(status(number)).isEqualTo("fulfilled");
        assertThat(history(number, "fulfilled")).containsExactly(List.of("Shipped", admin.email()));
        assertThat(db.rows("SELECT action FROM backoffice.audit_entry WHERE subject = ? ORDER BY id", number))
                .containsExactly(List.of("order.marked-paid"), List.of("order.fulfilled"));
    }

    @Test
    void aCardOrderIsRefundedThroughStripeForItsTotal() {
        WireMockServer stripe = StripeStub.server();
        String intent = "pi_admin_" + UUID.randomUUID().toString().substring(0, 8);
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(okJson(intent(intent, "requires_confirmation"))));
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents/" + intent + "/confirm")).willReturn(okJson(intent(intent, "succeeded"))));
        stripe.stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(okJson("{\"id\":\"re_" + intent + "\",\"status\":\"succeeded\"}")));
        String sku = Checkouts.sku(db, inventory, 5);
        Shopper shopper = new Shopper();
        Checkouts.addToCart(shopper, sku, 1);
        Map<String, Object> body = Checkouts.body("card-refund@example.com");
        body.put("paymentMethod", "card");
        body.put("paymentMethodId", "pm_card_visa");
        JsonPath placed = Checkouts.place(shopper, Checkouts.newKey(), body).then().statusCode(201).extract().jsonPath();
        String number = placed.getString("order.number");
        assertThat(status(number)).isEqualTo("paid");
        assertThat(admin.browser().get(orderPage(number)).asString()).contains("goes back through Card");

        Response refunded = act(number, "refund", "paid", "");
        assertThat(refunded.statusCode()).isEqualTo(303);
        assertThat(status(number)).isEqualTo("refunded");
        assertThat(stock(sku)).as("not shipped: the unit is back").isEqualTo(5);
        String cents = new BigDecimal(placed.getString("order.total.amount")).movePointRight(2).toBigIntegerExact().toString();
        stripe.verify(1, postRequestedFor(urlPathEqualTo("/v1/refunds"))
                .withFormParam("payment_intent", equalTo(intent))
                .withFormParam("amount", equalTo(cents))
                .withFormParam("metadata[order_number]", equalTo(number)));
        assertThat(admin.browser().get(refunded.header("Location").replaceFirst("^https?://[^/]+", "")).asString())
                .contains("is refunded", "went back through Card");
        assertThat(db.string("SELECT detail FROM backoffice.audit_entry WHERE subject = ? AND action = 'order.refunded'", number))
                .contains("Paid → Refunded", "refunded through Card");
    }

    @Test
    void anOfflineRefundIsRecordedAndSaysItIsPaidBackByHand() {
        WireMockServer stripe = StripeStub.server();
        String sku = Checkouts.sku(db, inventory, 5);
        String number = Checkouts.guestOrder(sku, "cash-buyer@example.com", "cash-on-delivery");
        assertThat(act(number, "fulfil", "placed", "").statusCode()).as("paid on delivery: ships unpaid").isEqualTo(303);
        assertThat(admin.browser().get(orderPage(number)).asString()).contains("is paid outside the shop", "pays it back by hand");

        Response refunded = act(number, "refund", "fulfilled", "");
        assertThat(refunded.statusCode()).isEqualTo(303);
        assertThat(status(number)).isEqualTo("refunded");
        assertThat(stock(sku)).as("shipped: the goods come back as a return, not from here").isEqualTo(4);
        assertThat(history(number, "refunded").getFirst().getFirst()).asString().contains("recorded", "paid back by hand");
        assertThat(admin.browser().get(orderPage(number) + "?done=refund").asString()).contains("pay it back by hand");
        stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/refunds")).withFormParam("metadata[order_number]", equalTo(number)));
    }

    @Test
    void theStaffApiIsAuditedAndNamesTheStaffMemberToo() {
        String number = Checkouts.guestOrder(Checkouts.sku(db, inventory, 5), "api-staff@example.com", "bank-transfer");
        assertThat(admin.browser().request().contentType("application/json").body("{\"note\": \"Seen on the statement\"}")
                .post("/api/v1/admin/orders/" + number + "/mark-paid").then().statusCode(200).extract().jsonPath().getString("status"))
                .isEqualTo("paid");
        assertThat(admin.browser().request().contentType("application/json").body("{}")
                .post("/api/v1/admin/orders/" + number + "/cancel").then().statusCode(200).extract().jsonPath().getString("status"))
                .isEqualTo("refunded");
        assertThat(db.rows("SELECT actor, action FROM backoffice.audit_entry WHERE subject = ? ORDER BY id", number))
                .containsExactly(List.of(admin.email(), "order.marked-paid"), List.of(admin.email(), "order.refunded"));
        assertThat(history(number, "paid")).containsExactly(List.of("Seen on the statement", admin.email()));
        assertThat(history(number, "refunded")).containsExactly(List.of("Cancelled by staff", admin.email()));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        String number = Checkouts.guestOrder(Checkouts.sku(db, inventory, 5), "csrf-check@example.com", "bank-transfer");
        admin.browser().request().contentType("application/x-www-form-urlencoded").formParam("seen", "placed")
                .post(orderPage(number) + "/cancel").then().statusCode(403);
        admin.browser().request().contentType("application/x-www-form-urlencoded").formParam("seen", "placed")
                .formParam("csrf-token", "forged").post(orderPage(number) + "/mark-paid").then().statusCode(403);
        assertThat(status(number)).isEqualTo("placed");
        assertThat(db.longValue("SELECT count(*) FROM backoffice.audit_entry WHERE subject = ?", number)).isZero();
    }

    @Test
    void unknownOrdersAndActionsAreNotFound() {
        assertThat(admin.browser().get("/admin/orders/SF-0000-0000").statusCode()).isEqualTo(404);
        assertThat(admin.browser().get("/admin/orders/not-a-number").statusCode()).isEqualTo(404);
        String number = Checkouts.guestOrder(Checkouts.sku(db, inventory, 5), "no-such-action@example.com", "bank-transfer");
        assertThat(act(number, "explode", "placed", "").statusCode()).isEqualTo(404);
        assertThat(act(number, "cancel", "sideways", "").statusCode()).isEqualTo(400);
        assertThat(status(number)).isEqualTo("placed");
    }

    private Response act(String number, String action, String seen, String note) {
        return admin.browser().submit(orderPage(number), orderPage(number) + "/" + action, Map.of("seen", seen, "note", note));
    }

    private static String orderPage(String number) {
        return "/admin/orders/" + number;
    }

    private List<List<Object>> history(String number, String status) {
        return db.rows("SELECT c.note, c.changed_by FROM orders.status_change c JOIN orders.customer_order o ON o.id = c.order_id"
                + " WHERE o.number = ? AND c.status = ?", number, status);
    }

    private String status(String number) {
        return db.string("SELECT status FROM orders.customer_order WHERE number = ?", number);
    }

    private long stock(String sku) {
        return db.longValue("SELECT stock_on_hand FROM catalog.variant WHERE sku = ?", sku);
    }

    static String intent(String id, String status) {
        return "{\"id\":\"" + id + "\",\"object\":\"payment_intent\",\"status\":\"" + status
                + "\",\"client_secret\":\"" + id + "_secret_test\"}";
    }
}
