package shop.storefront.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shop.storefront.account.Accounts;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.web.RawHttp.Answer;
import shop.storefront.web.Routes.Route;

/**
 * A signed-in browser's cookies are not enough to change anything: every state-changing request needs the CSRF token
 * of that browser and session, whatever its Content-Type — unless it is a JSON API call, which no browser sends
 * cross-site without a pre-flight.
 */
@QuarkusTest
class CsrfTest {

    @Inject
    CatalogOracle db;
    @Inject
    RedisDataSource redis;

    @BeforeEach
    void freshRateLimits() {
        Accounts.resetRateLimits(redis);
    }

    /** What another site can make a browser post without a token (or with one that is not this browser's). */
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"(none)", "text/plain", "application/octet-stream", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=xyz", "application/json"})
    void everyFormRouteRefusesARequestWithoutToken(String contentType) {
        Shopper shopper = new Shopper();
        Accounts.signedUp(shopper);
        String body = contentType.startsWith("multipart") ? "--xyz\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nx\r\n--xyz--\r\n"
                : contentType.equals("application/json") ? "{\"name\":\"\"}" : "name=&email=";
        String headers = cookieHeader(shopper) + (contentType.equals("(none)") ? "" : "\nContent-Type: " + contentType);
        List<String> accepted = new ArrayList<>();
        for (Route route : Routes.pages()) {
            if (route.changesState()) {
                Answer answer = RawHttp.send(route.method(), route.path(), headers, body);
                // Routes that read forms refuse other body types before the token check (415): refused all the same.
                boolean formOrNone = contentType.equals("(none)") || contentType.startsWith("application/x-www-form");
                if (formOrNone ? answer.status() != 403 : answer.status() != 403 && answer.status() != 415) {
                    accepted.add(route + " -> " + answer.status());
                }
            }
        }
        assertThat(accepted).isEmpty();
    }

    @Test
    void aBodylessPostWithASessionCookieChangesNothing() {
        Shopper shopper = new Shopper();
        String email = Accounts.signedUp(shopper);
        Map<String, String> address = Map.of("fullName", "Ann Example", "line1", "1 Main Street", "city", "Dublin",
                "postalCode", "D01 F5P2", "country", "IE", "phone", "+353 1 234 5678");
        assertThat(shopper.submit("/account/addresses/new", "/account/addresses", address).statusCode()).isEqualTo(303);
        long id = db.longValue("SELECT a.id FROM account.address a JOIN account.customer c ON c.id = a.customer_id WHERE c.email = ?", email);

        for (String headers : List.of("", "Content-Type: text/plain", "X-CSRF-Token: forged")) {
            String all = cookieHeader(shopper) + "\n" + headers;
            assertThat(RawHttp.send("POST", "/account/addresses/" + id + "/delete", all, "").status()).isIn(403, 415);
            assertThat(RawHttp.send("POST", "/account/profile", all, "").status()).isIn(403, 415);
            assertThat(RawHttp.send("POST", "/account/sign-out", all, "").status()).isIn(403, 415);
        }
        assertThat(db.longValue("SELECT count(*) FROM account.address WHERE id = ?", id)).isEqualTo(1);
        assertThat(db.string("SELECT full_name FROM account.customer WHERE email = ?", email)).isEqualTo("Test Shopper");
        assertThat(shopper.get("/account").statusCode()).as("still signed in").isEqualTo(200);

        String token = shopper.csrfToken("/account");
        assertThat(RawHttp.send("POST", "/account/addresses/" + id + "/delete", cookieHeader(shopper) + "\nX-CSRF-Token: " + token, "")
                .status()).as("the token in a header does for a body-less post").isEqualTo(303);
        assertThat(db.longValue("SELECT count(*) FROM account.address WHERE id = ?", id)).isZero();
    }

    @Test
    void apiCallsThatAreNotJsonNeedTheTokenToo() {
        Shopper shopper = new Shopper();
        Accounts.signedUp(shopper);
        for (Route route : Routes.all()) {
            if (route.api() && route.changesState()) {
                Answer bodiless = RawHttp.send(route.method(), route.path(), cookieHeader(shopper), "");
                assertThat(bodiless.status()).as(route + " without Content-Type").isEqualTo(403);
                Answer text = RawHttp.send(route.method(), route.path(), cookieHeader(shopper) + "\nContent-Type: text/plain", "{}");
                assertThat(text.status()).as(route + " as text/plain").isIn(403, 415);
            }
        }
    }

    @Test
    void aTokenIsBoundToTheSessionItWasIssuedIn() {
        Shopper shopper = new Shopper();
        String email = Accounts.signedUp(shopper);
        String signedInToken = shopper.csrfToken("/account");
        String csrfCookie = shopper.cookie("__Host-csrf");
        assertThat(shopper.submit("/account", "/account/sign-out", Map.of()).statusCode()).isEqualTo(303);
        assertThat(Accounts.signIn(shopper, email, Accounts.PASSWORD).statusCode()).isEqualTo(303);
        assertThat(shopper.cookie("__Host-csrf")).as("same browser secret").isEqualTo(csrfCookie);

        assertThat(shopper.request().contentType("application/x-www-form-urlencoded").formParam("csrf-token", signedInToken)
                .formParam("name", "Changed").post("/account/profile").statusCode())
                .as("a token from the previous session").isEqualTo(403);
        String fresh = shopper.csrfToken("/account");
        assertThat(fresh).isNotEqualTo(signedInToken);
        assertThat(shopper.request().contentType("application/x-www-form-urlencoded").formParam("csrf-token", fresh)
                .formParam("name", "Changed").post("/account/profile").statusCode()).isEqualTo(303);
    }

    @Test
    void anotherBrowsersTokenIsRefused() {
        Shopper victim = new Shopper();
        Accounts.signedUp(victim);
        Shopper attacker = new Shopper();
        String attackersToken = attacker.csrfToken("/account/sign-in");
        assertThat(victim.request().contentType("application/x-www-form-urlencoded").formParam("csrf-token", attackersToken)
                .post("/account/sign-out").statusCode()).isEqualTo(403);
    }

    @Test
    void cookiesUseHostPrefixedNames() {
        Shopper shopper = new Shopper();
        var response = shopper.keep(shopper.request().accept("text/html").get("/account/sign-up"));
        String token = shopper.csrfToken("/account/sign-up");
        var signedUp = shopper.keep(shopper.request().contentType("application/x-www-form-urlencoded").formParam("csrf-token", token)
                .formParam("email", Accounts.newEmail()).formParam("password", Accounts.PASSWORD).formParam("name", "N")
                .post("/account/sign-up"));
        List<Cookie> cookies = new ArrayList<>(response.getDetailedCookies().asList());
        cookies.addAll(signedUp.getDetailedCookies().asList());
        assertThat(cookies).extracting(Cookie::getName).contains("__Host-csrf", "__Host-session");
        for (Cookie cookie : cookies) {
            assertThat(cookie.getName()).startsWith("__Host-");
            assertThat(cookie.isSecured()).as(cookie.getName() + " Secure").isTrue();
            assertThat(cookie.getPath()).isEqualTo("/");
            assertThat(cookie.getDomain()).isNull();
        }
    }

    @Test
    void everyRenderMasksTheTokenAnewAndEachCopyIsAccepted() {
        Shopper shopper = new Shopper();
        String email = Accounts.signedUp(shopper);
        String page = shopper.get("/account").asString();
        String first = shopper.csrfToken("/account");
        String second = shopper.csrfToken("/account");
        assertThat(first).isNotEqualTo(second);
        assertThat(unmasked(first)).as("the same token under different pads").isEqualTo(unmasked(second));
        String browserSecret = shopper.cookie("__Host-csrf").substring(0, shopper.cookie("__Host-csrf").lastIndexOf('.'));
        assertThat(page).doesNotContain(browserSecret, unmasked(first));

        assertThat(updateName(shopper, "csrf-token", first, "First")).isEqualTo(303);
        assertThat(updateName(shopper, "csrf-token", second, "Second")).isEqualTo(303);
        assertThat(updateName(shopper, "X-CSRF-Token", shopper.csrfToken("/account"), "Third")).isEqualTo(303);
        assertThat(updateName(shopper, "X-CSRF-Token", remasked(unmasked(first)), "Fourth"))
                .as("any pad will do: the token is compared, not the text").isEqualTo(303);
        assertThat(db.string("SELECT full_name FROM account.customer WHERE email = ?", email)).isEqualTo("Fourth");
    }

    /** Whatever is not a masked copy of this browser's token is the usual 403, never an error. */
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"unmasked", "forged", "garbled", "truncated", "oversized", "empty", "non-ASCII"})
    void aTokenThatIsNotAMaskedCopyIsRefused(String kind) {
        Shopper shopper = new Shopper();
        String email = Accounts.signedUp(shopper);
        String masked = shopper.csrfToken("/account");
        String sent = switch (kind) {
            case "unmasked" -> unmasked(masked);
            case "forged" -> remasked(new byte[32]);
            case "garbled" -> masked.substring(0, 40) + "*!~" + masked.substring(43);
            case "truncated" -> masked.substring(0, masked.length() - 1);
            case "oversized" -> masked.repeat(90);
            case "empty" -> "";
            default -> masked.substring(0, masked.length() - 1) + "é";
        };
        assertThat(updateName(shopper, "csrf-token", sent, "Changed")).as("in the form").isEqualTo(403);
        if (!kind.equals("non-ASCII")) { // not a header value at all
            assertThat(updateName(shopper, "X-CSRF-Token", sent, "Changed")).as("in the header").isEqualTo(403);
        }
        assertThat(db.string("SELECT full_name FROM account.customer WHERE email = ?", email)).isEqualTo("Test Shopper");
    }

    private static int updateName(Shopper shopper, String field, String token, String name) {
        var request = shopper.request().contentType("application/x-www-form-urlencoded").formParam("name", name);
        request = field.equals("csrf-token") ? request.formParam(field, token) : request.header(field, token);
        return request.post("/account/profile").statusCode();
    }

    /** What the page would hold without masking: the pad's second half XOR its first. */
    private static String unmasked(String masked) {
        byte[] bytes = Base64.getUrlDecoder().decode(masked);
        byte[] token = new byte[bytes.length / 2];
        for (int i = 0; i < token.length; i++) {
            token[i] = (byte) (bytes[i] ^ bytes[token.length + i]);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    private static String remasked(String unmasked) {
        return remasked(Base64.getUrlDecoder().decode(unmasked));
    }

    private static String remasked(byte[] token) {
        byte[] pad = new byte[token.length];
        new SecureRandom().nextBytes(pad);
        byte[] masked = new byte[token.length * 2];
        for (int i = 0; i < token.length; i++) {
            masked[i] = pad[i];
            masked[token.length + i] = (byte) (pad[i] ^ token[i]);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(masked);
    }

    static String cookieHeader(Shopper shopper) {
        return "Cookie: " + List.of("__Host-session", "__Host-csrf", "__Host-cart").stream()
                .filter(name -> shopper.cookie(name) != null)
                .map(name -> name + "=" + shopper.cookie(name)).collect(Collectors.joining("; "));
    }
}
