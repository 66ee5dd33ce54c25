package shop.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.web.Shopper;

/** Cart reminders only for those who ticked the box: never ticked in advance, never assumed. */
@QuarkusTest
class ConsentTest {

    private static final Pattern REMINDER_BOX = Pattern.compile("<input[^>]*name=\"cartReminders\"[^>]*>");

    @Inject
    CatalogOracle db;
    @Inject
    RedisDataSource redis;

    @BeforeEach
    void freshRateLimits() {
        Accounts.resetRateLimits(redis);
    }

    @Test
    void theSignUpFormStartsUnticked() {
        assertThat(reminderBox(new Shopper().get("/account/sign-up"))).doesNotContain("checked");
    }

    @Test
    void anAccountWhoseOwnerDidNotTickGetsNoReminders() {
        Shopper shopper = new Shopper();
        String email = signUp(shopper, false);
        assertThat(optedIn(email)).isFalse();
        assertThat(reminderBox(shopper.get("/account"))).doesNotContain("checked");
    }

    @Test
    void tickingTheBoxOptsIn() {
        Shopper shopper = new Shopper();
        String email = signUp(shopper, true);
        assertThat(optedIn(email)).isTrue();
        assertThat(reminderBox(shopper.get("/account"))).contains("checked");

        assertThat(shopper.submit("/account", "/account/profile", Map.of("name", "Changed Mind")).statusCode()).isEqualTo(303);
        assertThat(optedIn(email)).as("unticked on the account page").isFalse();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aRefusedSignUpShowsTheBoxAsThePersonLeftIt(boolean ticked) {
        Map<String, String> fields = new HashMap<>(Map.of("email", Accounts.newEmail(), "password", "Password", "name", "Pat"));
        if (ticked) {
            fields.put("cartReminders", "on");
        }
        Response refused = new Shopper().submit("/account/sign-up", "/account/sign-up", fields);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(reminderBox(refused).contains("checked")).isEqualTo(ticked);
    }

    @Test
    void theDatabaseDefaultIsNotOptedIn() {
        String email = Accounts.newEmail();
        db.update("INSERT INTO account.customer (email, password_hash) VALUES (?, 'not-a-usable-hash')", email);
        assertThat(optedIn(email)).isFalse();
    }

    private static String signUp(Shopper shopper, boolean tick) {
        String email = Accounts.newEmail();
        Map<String, String> fields = new HashMap<>(Map.of("email", email, "password", Accounts.PASSWORD, "name", "Pat"));
        if (tick) {
            fields.put("cartReminders", "on");
        }
        assertThat(shopper.submit("/account/sign-up", "/account/sign-up", fields).statusCode()).isEqualTo(303);
        return email;
    }

    private boolean optedIn(String email) {
        return Boolean.parseBoolean(db.string("SELECT cart_reminders::text FROM account.customer WHERE email = ?", email));
    }

    private static String reminderBox(Response page) {
        Matcher box = REMINDER_BOX.matcher(page.asString());
        assertThat(box.find()).as("a cart-reminder checkbox on the page").isTrue();
        return box.group();
    }
}
