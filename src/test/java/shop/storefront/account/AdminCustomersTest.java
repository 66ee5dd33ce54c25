package shop.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.storefront.backoffice.Staff;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.Inventory;
import shop.storefront.checkout.Checkouts;
import shop.storefront.web.Shopper;

/** The back office's customers: found by e-mail or name, shown with their addresses and the orders they placed. */
@QuarkusTest
class AdminCustomersTest {

    @Inject
    CatalogOracle db;
    @Inject
    Inventory inventory;
    @Inject
    RedisDataSource redis;

    @Test
    void staffFindACustomerAndSeeTheirAddressesAndOrders() {
        Accounts.resetRateLimits(redis);
        Shopper customer = new Shopper();
        String email = Accounts.signedUp(customer);
        String name = "Ingrid Lindqvist" + System.nanoTime();
        assertThat(customer.submit("/account", "/account/profile", Map.of("name", name)).statusCode()).isEqualTo(303);
        assertThat(customer.submit("/account/addresses/new", "/account/addresses", Map.of("fullName", name, "line1", "Storgatan 12",
                "city", "Uppsala", "postalCode", "753 20", "country", "SE", "defaultShipping", "on")).statusCode()).isEqualTo(303);
        Checkouts.addToCart(customer, Checkouts.sku(db, inventory, 5), 1);
        Response placed = Checkouts.place(customer, Checkouts.newKey(), Checkouts.body(email));
        assertThat(placed.statusCode()).as(placed.asString()).isEqualTo(201);
        String number = placed.jsonPath().getString("order.number");
        String id = db.string("SELECT public_id::text FROM account.customer WHERE email = ?", email);

        Shopper admin = Staff.signedInAdmin(db).browser();
        String byEmail = admin.get("/admin/customers?q=" + email.substring(0, email.indexOf('@')).toUpperCase()).asString();
        assertThat(byEmail).contains("href=\"/admin/customers/" + id + "\"", email, name, "customer-count\">1<");
        assertThat(admin.get("/admin/customers?q=" + name.substring(7)).asString()).as("by name")
                .contains("href=\"/admin/customers/" + id + "\"");
        assertThat(admin.get("/admin/customers?q=nobody" + System.nanoTime()).asString()).contains("No customer matches");

        String detail = admin.get("/admin/customers/" + id).asString();
        assertThat(detail).contains(email, name, "Storgatan 12", "Uppsala", "Sweden", "Default shipping", "<dd>customer</dd>",
                "href=\"/admin/orders/" + number + "\"", "Placed");
        assertThat(admin.get("/admin/orders/" + number).asString()).as("the order links back").contains("href=\"/admin/customers/" + id + "\"");
    }

    @Test
    void badSearchesAndUnknownCustomersAreClearRefusals() {
        Accounts.resetRateLimits(redis);
        Shopper admin = Staff.signedInAdmin(db).browser();
        Response tooLong = admin.get("/admin/customers?q=" + "x".repeat(201));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.asString()).contains("The search can be at most 200 characters",
                "aria-invalid=\"true\" aria-describedby=\"customer-q-error\"");
        assertThat(admin.get("/admin/customers?page=x").statusCode()).isEqualTo(400);
        assertThat(admin.get("/admin/customers/00000000-0000-0000-0000-000000000000").statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/customers/not-a-uuid").statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/customers").asString()).contains("<h1>Customers</h1>", "customer-count");
    }
}
