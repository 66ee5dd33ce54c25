package shop.storefront.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import jakarta.inject.Inject;
import java.util.ArrayList;
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

    static String cookieHeader(Shopper shopper) {
        return "Cookie: " + List.of("__Host-session", "__Host-csrf", "__Host-cart").stream()
                .filter(name -> shopper.cookie(name) != null)
                .map(name -> name + "=" + shopper.cookie(name)).collect(Collectors.joining("; "));
    }
}
