package shop.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import shop.storefront.account.internal.service.Passwords;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.platform.InvalidInput;
import shop.storefront.web.Shopper;

/** Which passwords sign-up (and reset) accept: not common ones, whatever their case, and not just spaces. */
@QuarkusTest
class PasswordRulesTest {

    private static final String LIST = "account/common-passwords.txt";

    @Inject
    Passwords passwords;
    @Inject
    CatalogOracle db;
    @Inject
    RedisDataSource redis;

    @BeforeEach
    void freshRateLimits() {
        Accounts.resetRateLimits(redis);
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "PASSWORD", "Baseball", "iLoveYou", "TRUSTNO1", "qwertyuiop", "12345678",
            "  sunshine  ", "Superman"})
    void commonPasswordsAreRefusedWhateverTheirCase(String common) {
        assertRefused(common, "one of the most commonly used");
    }

    /** Entries from the top, the middle and the end of the shipped list, in mixed case: the whole list is in use. */
    @ParameterizedTest
    @MethodSource("entriesAcrossTheList")
    void everyRankOfTheShippedListCounts(String entry) {
        InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> passwords.check(mixedCase(entry)));
        assertThat(refused).as(entry).isNotNull();
        assertThat(refused.field()).isEqualTo("password");
        assertThat(refused.getMessage()).contains("one of the most commonly used");
    }

    @ParameterizedTest
    @ValueSource(strings = {"        ", "\t\t\t\t\t\t\t\t\t\t", "                                        ",
            "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0", "\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000",
            "   abc       ", " \n x y \n "})
    void spacesAloneOrAroundTooFewCharactersAreRefused(String spacey) {
        assertRefused(spacey, "at least 8 characters (spaces at the start or end do not count)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery", "Tr0ub4dor&3-stapler", "  padded yet long enough  ",
            "zwölf Boxkämpfer jagen", "8 chars!", "kettle-lantern-9-walrus"})
    void uncommonPasswordsOfEightCharactersOrMoreAreAccepted(String strong) {
        String email = Accounts.newEmail();
        assertThat(signUp(email, strong).statusCode()).isEqualTo(303);
        assertThat(db.longValue("SELECT count(*) FROM account.customer WHERE email = ?", email)).isEqualTo(1);
        assertThat(Accounts.signIn(new Shopper(), email, strong).statusCode()).as("signs in with exactly what was typed").isEqualTo(303);
    }

    /** Through the sign-up form: a 400, the message on the page, no account; and the rule names the field. */
    private void assertRefused(String password, String message) {
        String email = Accounts.newEmail();
        Response response = signUp(email, password);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.asString()).contains(message);
        assertThat(db.longValue("SELECT count(*) FROM account.customer WHERE email = ?", email)).isZero();
        InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> passwords.check(password));
        assertThat(refused.field()).isEqualTo("password");
    }

    /** The sign-up form sent in UTF-8, as browsers send it, so that any character arrives as typed. */
    private static Response signUp(String email, String password) {
        Shopper shopper = new Shopper();
        String token = shopper.csrfToken("/account/sign-up");
        return shopper.keep(shopper.request().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf-token", token).formParam("email", email).formParam("password", password)
                .formParam("name", "Test Shopper").post("/account/sign-up"));
    }

    static Stream<String> entriesAcrossTheList() throws IOException {
        List<String> entries;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                PasswordRulesTest.class.getClassLoader().getResourceAsStream(LIST), StandardCharsets.UTF_8))) {
            entries = reader.lines().filter(l -> !l.startsWith("#") && l.length() >= 8).toList();
        }
        assertThat(entries).hasSizeGreaterThan(10_000);
        return Stream.of(0, 1, entries.size() / 3, entries.size() / 2, 9_999, entries.size() - 1).map(entries::get);
    }

    /** Every other letter upper case. */
    private static String mixedCase(String s) {
        StringBuilder mixed = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            String c = s.substring(i, i + 1);
            mixed.append(i % 2 == 0 ? c.toUpperCase(Locale.ROOT) : c);
        }
        return mixed.toString();
    }
}
