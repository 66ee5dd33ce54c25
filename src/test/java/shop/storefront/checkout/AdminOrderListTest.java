package shop.storefront.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.storefront.account.Accounts;
import shop.storefront.backoffice.Staff;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.Inventory;
import shop.storefront.web.Shopper;

/** The back office's orders list (filters, search, bad parameters) and the dashboard's "Today" figures. */
@QuarkusTest
class AdminOrderListTest {

    private static final Pattern NUMBER = Pattern.compile("SF-[0-9A-Z]{4}-[0-9A-Z]{4}");

    @Inject
    CatalogOracle db;
    @Inject
    Inventory inventory;
    @Inject
    RedisDataSource redis;

    private Shopper admin;

    @BeforeEach
    void signedInAdmin() {
        Accounts.resetRateLimits(redis);
        admin = Staff.signedInAdmin(db).browser();
    }

    @Test
    void ordersAreFoundByStatusDateNumberAndEmailNewestFirst() {
        String tag = "filter" + System.nanoTime();
        String sku = Checkouts.sku(db, inventory, 10);
        String transfer = Checkouts.guestOrder(sku, tag + ".transfer@example.com", "bank-transfer");
        String cod = Checkouts.guestOrder(sku, tag + ".cod@example.com", "cash-on-delivery");
        String cancelled = Checkouts.guestOrder(sku, tag + ".gone@example.com", "bank-transfer");
        assertThat(admin.submit("/admin/orders/" + cancelled, "/admin/orders/" + cancelled + "/cancel", Map.of("seen", "placed"))
                .statusCode()).isEqualTo(303);

        String all = list("q=" + tag);
        assertThat(numbers(all)).as("newest first").containsExactly(cancelled, cod, transfer);
        assertThat(all).contains(tag + ".cod@example.com", "Pay on delivery", "Bank transfer", "Cancelled", "href=\"/admin/orders/" + cod + "\"");
        assertThat(numbers(list("q=" + cod.toLowerCase()))).containsExactly(cod);
        assertThat(numbers(list("q=" + tag + ".gone@"))).containsExactly(cancelled);
        assertThat(numbers(list("q=" + tag + "&status=cancelled"))).containsExactly(cancelled);
        assertThat(numbers(list("q=" + tag + "&status=placed"))).containsExactly(cod, transfer);
        assertThat(numbers(list("q=" + tag + "&status=awaiting-payment"))).containsExactly(transfer);
        assertThat(numbers(list("q=" + tag + "&status=awaiting-shipping"))).as("paid on delivery ships unpaid").containsExactly(cod);

        LocalDate placedOn = LocalDate.parse(db.string("SELECT (placed_at AT TIME ZONE 'UTC')::date::text FROM orders.customer_order"
                + " WHERE number = ?", transfer));
        assertThat(numbers(list("q=" + tag + "&from=" + placedOn + "&to=" + placedOn))).contains(transfer);
        assertThat(numbers(list("q=" + tag + "&from=" + placedOn.plusDays(1)))).isEmpty();
        assertThat(numbers(list("q=" + tag + "&to=" + placedOn.minusDays(1)))).isEmpty();
        assertThat(admin.request().accept("text/html").queryParam("q", "%_" + tag).get("/admin/orders").asString())
                .as("LIKE wildcards are matched literally").contains("No order matches");
    }

    @Test
    void badFilterValuesAreRefusedNextToTheirField() {
        Map<String, String> refusals = Map.of(
                "status=sideways", "status must be one of",
                "from=2026-13-45", "Placed from must be a date",
                "from=2026-12-07&to=2026-12-01", "Placed to must be on or after Placed from",
                "q=" + "x".repeat(201), "The search can be at most 200 characters",
                "page=0", "page must be a whole number");
        refusals.forEach((query, message) -> {
            Response response = admin.get("/admin/orders?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.asString()).as(query).contains(message);
        });
        assertThat(admin.get("/admin/orders?status=sideways").asString()).contains("aria-invalid=\"true\" aria-describedby=\"filter-status-error\"",
                "<option value=\"\">Any</option>");
        assertThat(admin.get("/admin/orders?from=2026-13-45").asString()).contains("value=\"2026-13-45\"");
        Response farFuture = admin.request().accept("text/html").queryParam("from", "+999999999-01-01").get("/admin/orders");
        assertThat(farFuture.statusCode()).as("a year the database cannot store").isEqualTo(400);
    }

    @Test
    void todaysFiguresGrowByTheOrdersPlacedNowAndLinkToTheList() {
        String before = admin.get("/admin").asString();
        String sku = Checkouts.sku(db, inventory, 10);
        List<String> counted = new ArrayList<>();
        counted.add(Checkouts.guestOrder(sku, "today.transfer@example.com", "bank-transfer"));
        counted.add(Checkouts.guestOrder(sku, "today.cod@example.com", "cash-on-delivery"));
        String cancelled = Checkouts.guestOrder(sku, "today.gone@example.com", "bank-transfer");
        admin.submit("/admin/orders/" + cancelled, "/admin/orders/" + cancelled + "/cancel", Map.of("seen", "placed")).then().statusCode(303);
        String after = admin.get("/admin").asString();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assumeTrue(after.contains("(" + today + ", UTC)") && before.contains("(" + today + ", UTC)"), "the UTC day changed during the test");

        BigDecimal revenue = BigDecimal.ZERO;
        for (String number : counted) {
            revenue = revenue.add(new BigDecimal(db.string("SELECT total::text FROM orders.customer_order WHERE number = ?", number)));
        }
        assertThat(figure(after, "Orders placed today")).isEqualByComparingTo(figure(before, "Orders placed today").add(BigDecimal.valueOf(3)));
        assertThat(figure(after, "Revenue today")).as("the cancelled order does not count")
                .isEqualByComparingTo(figure(before, "Revenue today").add(revenue));
        assertThat(figure(after, "Awaiting payment")).isEqualByComparingTo(figure(before, "Awaiting payment").add(BigDecimal.ONE));
        assertThat(figure(after, "Awaiting shipping")).isEqualByComparingTo(figure(before, "Awaiting shipping").add(BigDecimal.ONE));
        assertThat(after).contains("href=\"/admin/orders?from=" + today + "&amp;to=" + today + "\"",
                "href=\"/admin/orders?status=awaiting-payment\"", "href=\"/admin/orders?status=awaiting-shipping\"");
        assertThat(numbers(list("from=" + today + "&to=" + today))).contains(counted.get(0), counted.get(1), cancelled);
    }

    private String list(String query) {
        Response response = admin.get("/admin/orders?" + query);
        assertThat(response.statusCode()).as(query).isEqualTo(200);
        return response.asString();
    }

    /** The order numbers the list shows, in its order. */
    private static List<String> numbers(String page) {
        List<String> numbers = new ArrayList<>();
        Matcher m = Pattern.compile("<td><a href=\"/admin/orders/(" + NUMBER.pattern() + ")\">").matcher(page);
        while (m.find()) {
            numbers.add(m.group(1));
        }
        return numbers;
    }

    /** A dashboard figure by the start of its label, as a number ("€1,234.50" → 1234.50). */
    private static BigDecimal figure(String dashboard, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + "[^<]*</a></dt><dd>([^<]+)</dd>").matcher(dashboard);
        assertThat(m.find()).as(label + " on the dashboard").isTrue();
        return new BigDecimal(m.group(1).replaceAll("[^0-9.]", ""));
    }
}
