package shop.storefront.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shop.storefront.web.RawHttp.Answer;
import shop.storefront.web.Routes.Route;

/**
 * Every header is hostile input. Against every route the resources declare: a malformed header gets a clear 4xx in
 * the site's own format, or is ignored where it is only a preference — never a 5xx, never a framework default page.
 */
@QuarkusTest
class HostileHeadersTest {

    @Test
    void theRouteTableIsComplete() {
        assertThat(Routes.all()).extracting(Route::toString)
                .contains("GET /", "POST /cart/add", "POST /account/addresses/1/delete", "POST /api/v1/orders",
                        "DELETE /api/v1/cart/items/1", "POST /api/v1/admin/orders/1/cancel", "POST /api/v1/payments/stripe/webhook")
                .hasSizeGreaterThan(40);
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"text/html;q=2", "foo", "*/*;;;", "text/html;q=", "/", "text/html;level", "application/json;q=-1",
        "text/html, */*;q=0.8;;", "*/*;q=1.0001", "\"text/html\""})
    void anUnreadableAcceptIsIgnored(String accept) {
        List<String> failures = new ArrayList<>();
        for (Route route : Routes.all()) {
            Answer plain = RawHttp.send(route.method(), route.path(), "", route.changesState() ? "" : null);
            Answer hostile = RawHttp.send(route.method(), route.path(), "Accept: " + accept, route.changesState() ? "" : null);
            if (hostile.status() != plain.status() || (hostile.status() >= 400 && !hostile.isOwnErrorFormat())) {
                failures.add(route + " -> " + hostile.status() + " (without the header: " + plain.status() + ")");
            }
        }
        assertThat(failures).isEmpty();
    }

    @ParameterizedTest(name = "Content-Type: [{0}]")
    @ValueSource(strings = {"", " ", "foo", "application/", "text/html;;;", "multipart/form-data", "multipart/form-data; boundary=",
        "application/x-www-form-urlencoded; charset=utf-99", "application/json; charset=\"\"", "application/json;q",
        "application/json, text/plain"})
    void anUnreadableContentTypeIsRefusedWhereABodyCanBeSent(String contentType) {
        List<String> failures = new ArrayList<>();
        for (Route route : Routes.all()) {
            Answer answer = RawHttp.send(route.method(), route.path(), "Content-Type: " + contentType, route.changesState() ? "a=b" : null);
            boolean expected = route.changesState()
                    ? answer.status() == 400 && answer.body().contains("Content-Type") && answer.isOwnErrorFormat()
                    : answer.status() < 500 && (answer.status() < 400 || answer.isOwnErrorFormat());
            if (!expected) {
                failures.add(route + " -> " + answer.status() + " " + abbreviated(answer.body()));
            }
        }
        assertThat(failures).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "If-Modified-Since: yesterday", "If-None-Match: \"", "Range: bytes=9-1,x", "Accept-Language: ;;;q=9, *-*-*",
        "Accept-Encoding: gzip;q=x, br;;", "Cookie: ==;;\u0001=; __Host-session=%%%; __Host-cart=.", "X-Forwarded-For: ,,,::::,999.1.1.1",
        "X-Forwarded-Proto: javascript", "X-Forwarded-Host: evil.example", "X-Forwarded-Port: -1", "Forwarded: for=\"[::1\";proto=x",
        "X-Amzn-Trace-Id: <script>", "Idempotency-Key: \u00ff\u00fe", "Authorization: Basic %%%", "Authorization: Bearer a.b.c",
        "Content-Encoding: gzip", "Sec-Fetch-Site: ../../", "Origin: null", "Accept-Charset: utf-99", "Expect: 200-maybe",
        "Content-Length: 5\nContent-Length: 6", "Transfer-Encoding: sideways", "X-CSRF-Token: \u00ff", "Stripe-Signature: t=9e99,v1=",
        "Content-Type: application/json\nContent-Type: text/plain", "Idempotency-Key: a\nIdempotency-Key: b"})
    void noOtherMalformedHeaderCausesAServerError(String headerLines) {
        List<String> failures = new ArrayList<>();
        for (Route route : Routes.all()) {
            Answer answer = RawHttp.send(route.method(), route.path(), headerLines, route.changesState() ? "{}" : null);
            if (answer.status() >= 500 || (answer.status() >= 400 && !answer.isOwnErrorFormat() && answer.status() != 400)) {
                failures.add(route + " -> " + answer.status() + " " + abbreviated(answer.body()));
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void staticFilesAndHealthSurviveHostileHeadersToo() {
        for (String path : List.of("/css/site.css", "/q/health/ready", "/robots.txt")) {
            for (String header : List.of("Accept: */*;;;", "If-Modified-Since: 99", "Range: bytes=-", "Content-Type: foo")) {
                assertThat(RawHttp.send("GET", path, header, null).status()).as(path + " with " + header).isLessThan(500);
            }
        }
    }

    private static String abbreviated(String body) {
        String flat = body.replaceAll("\\s+", " ");
        int title = flat.indexOf("<h1");
        String start = title >= 0 ? flat.substring(title) : flat;
        return start.substring(0, Math.min(160, start.length()));
    }
}
