package shop.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.web.Shopper;

/** Profile and address book through the account pages. */
@QuarkusTest
class AddressBookTest {

    @Inject
    CatalogOracle db;
    @Inject
    RedisDataSource redis;

    @BeforeEach
    void freshRateLimits() {
        Accounts.resetRateLimits(redis);
    }

    @Test
    void addEditDeleteAndOneDefaultOfEachKind() {
        Shopper shopper = new Shopper();
        String email = Accounts.signedUp(shopper);
        assertThat(add(shopper, address("Home", true, true)).statusCode()).isEqualTo(303);
        assertThat(add(shopper, address("Office", true, false)).statusCode()).isEqualTo(303);
        long customer = db.longValue("SELECT id FROM account.customer WHERE email = ?", email);
        assertThat(db.string("SELECT full_name FROM account.address WHERE customer_id = ? AND default_shipping", customer)).isEqualTo("Office");
        assertThat(db.string("SELECT full_name FROM account.address WHERE customer_id = ? AND default_billing", customer)).isEqualTo("Home");

        long home = db.longValue("SELECT id FROM account.address WHERE customer_id = ? AND full_name = 'Home'", customer);
        Map<String, String> changed = address("Home", false, true);
        changed.put("city", "Cork");
        assertThat(shopper.submit("/account/addresses/" + home + "/edit", "/account/addresses/" + home, changed).statusCode()).isEqualTo(303);
        assertThat(db.string("SELECT city FROM account.address WHERE id = ?", home)).isEqualTo("Cork");
        assertThat(shopper.get("/account").asString()).contains("Cork", "Default shipping", "Default billing");

        assertThat(shopper.submit("/account", "/account/addresses/" + home + "/delete", Map.of()).statusCode()).isEqualTo(303);
        assertThat(db.longValue("SELECT count(*) FROM account.address WHERE customer_id = ?", customer)).isEqualTo(1);
    }

    @Test
    void missingFieldsAreExplainedAndTypedValuesKept() {
        Shopper shopper = new Shopper();
        Accounts.signedUp(shopper);
        Map<String, String> incomplete = address("Ann Example", false, false);
        incomplete.put("city", " ");
        Response response = add(shopper, incomplete);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.asString()).contains("Town or city is required.", "value=\"Ann Example\"", "value=\"1 Main Street\"");
        Map<String, String> badCountry = address("Ann Example", false, false);
        badCountry.put("country", "XX");
        assertThat(add(shopper, badCountry).asString()).contains("Choose a country we deliver to.");
        Map<String, String> huge = address("x".repeat(5000), false, false);
        assertThat(add(shopper, huge).statusCode()).isEqualTo(400);
    }

    @Test
    void nobodyReachesAnotherCustomersAddresses() {
        Shopper owner = new Shopper();
        String email = Accounts.signedUp(owner);
        add(owner, address("Private", false, false));
        long id = db.longValue("SELECT a.id FROM account.address a JOIN account.customer c ON c.id = a.customer_id WHERE c.email = ?", email);
        Shopper other = new Shopper();
        Accounts.signedUp(other);
        assertThat(other.get("/account/addresses/" + id + "/edit").statusCode()).isEqualTo(404);
        assertThat(other.submit("/account", "/account/addresses/" + id + "/delete", Map.of()).statusCode()).isEqualTo(404);
        assertThat(db.longValue("SELECT count(*) FROM account.address WHERE id = ?", id)).isEqualTo(1);
        assertThat(new Shopper().get("/account/addresses/new").statusCode()).as("guests are sent to sign in").isEqualTo(302);
    }

    @Test
    void profileNameCanBeChanged() {
        Shopper shopper = new Shopper();
        String email = Accounts.signedUp(shopper);
        assertThat(shopper.submit("/account", "/account/profile", Map.of("name", "Áine <b>Ní</b> Bhriain")).statusCode()).isEqualTo(303);
        assertThat(db.string("SELECT full_name FROM account.customer WHERE email = ?", email)).isEqualTo("Áine <b>Ní</b> Bhriain");
        assertThat(shopper.get("/account").asString()).contains("value=\"Áine &lt;b&gt;Ní&lt;/b&gt; Bhriain\"");
    }

    private static Response add(Shopper shopper, Map<String, String> fields) {
        return shopper.submit("/account/addresses/new", "/account/addresses", fields);
    }

    private static Map<String, String> address(String name, boolean shipping, boolean billing) {
        Map<String, String> fields = new HashMap<>(Map.of("fullName", name, "line1", "1 Main Street", "city", "Dublin",
                "postalCode", "D01 F5P2", "country", "IE", "phone", "+353 1 234 5678"));
        if (shipping) {
            fields.put("defaultShipping", "on");
        }
        if (billing) {
            fields.put("defaultBilling", "on");
        }
        return fields;
    }
}
