package shop.storefront.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shop.storefront.account.Accounts;

/**
 * Behind the ALB (the tests' connections come from 127.0.0.1, a trusted proxy) the client is the rightmost
 * X-Forwarded-For entry no trusted proxy wrote: what a client puts to the left of it changes nothing.
 */
@QuarkusTest
class ClientAddressTest {

    private static final int SIGN_UPS_PER_MINUTE = 5;

    @Inject
    RedisDataSource redis;

    @BeforeEach
    void freshRateLimits() {
        Accounts.resetRateLimits(redis);
    }

    /** A new spoofed entry on every request, as a password sprayer would send, and the ALB's entry on the right. */
    @ParameterizedTest(name = "real client {0}")
    @ValueSource(strings = {"198.51.100.7", "2001:db8:5:6::1", "::ffff:198.51.100.8"})
    void spoofedEntriesDoNotEscapeTheLimit(String client) {
        for (int i = 1; i <= SIGN_UPS_PER_MINUTE; i++) {
            assertThat(signUpVia("203.0.113." + i + ", 10.0.0." + i + ", " + client)).as("attempt " + i).isEqualTo(303);
        }
        assertThat(signUpVia("203.0.113.99, " + client)).isEqualTo(429);
        assertThat(signUpVia("192.0.2.1,192.0.2.2," + client)).isEqualTo(429);
        assertThat(signUpVia(client)).isEqualTo(429);
    }

    @Test
    void addressesInOneIpv6NetworkShareALimit() {
        for (int i = 1; i <= SIGN_UPS_PER_MINUTE; i++) {
            assertThat(signUpVia("2001:db8:7:7::" + Integer.toHexString(i))).isEqualTo(303);
        }
        assertThat(signUpVia("2001:db8:7:7:ffff::1")).isEqualTo(429);
        assertThat(signUpVia("2001:db8:7:8::1")).as("another /64").isEqualTo(303);
    }

    @Test
    void differentClientsHaveTheirOwnLimits() {
        for (int i = 1; i <= SIGN_UPS_PER_MINUTE + 3; i++) {
            assertThat(signUpVia("203.0.113.7, 198.51.100." + (100 + i))).isEqualTo(303);
        }
    }

    @ParameterizedTest(name = "Host {0}")
    @ValueSource(strings = {"evil.example", "localhost:8081", "evil.example:443", "[::1]:8081"})
    void redirectsNeverTakeTheirOriginFromRequestHeaders(String host) {
        String headers = "Host: " + host + "\nX-Forwarded-Host: evil.example\nX-Forwarded-Proto: https\nX-Forwarded-Port: 443";
        RawHttp.Answer signedOut = RawHttp.send("GET", "/account", headers, null);
        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(signedOut.header("Location")).isEqualTo("/account/sign-in");

        Shopper shopper = new Shopper();
        String token = shopper.csrfToken("/account/sign-up");
        String form = "csrf-token=" + token + "&name=N&password=" + Accounts.PASSWORD.replace(' ', '+') + "&email="
                + Accounts.newEmail().replace("@", "%40");
        RawHttp.Answer signedUp = RawHttp.send("POST", "/account/sign-up", headers + "\n" + CsrfTest.cookieHeader(shopper)
                + "\nContent-Type: application/x-www-form-urlencoded\nX-Forwarded-For: 198.51.100." + (host.length() + 20), form);
        assertThat(signedUp.status()).isEqualTo(303);
        assertThat(signedUp.header("Location")).isEqualTo("/account");
        RawHttp.Answer page = RawHttp.send("GET", "/", headers, null);
        assertThat(page.body()).as("links on the page").doesNotContain("evil.example");
    }

    private static int signUpVia(String forwardedFor) {
        Shopper shopper = new Shopper().forwardedFor(forwardedFor);
        return Accounts.signUp(shopper, Accounts.newEmail(), Accounts.PASSWORD).statusCode();
    }
}
