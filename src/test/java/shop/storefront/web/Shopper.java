package shop.storefront.web;

import static io.restassured.RestAssured.given;

import io.restassured.http.Cookie;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser's cookies across requests, kept by hand so that Secure cookies work over the tests' plain
 * HTTP exactly as a browser on localhost treats them.
 */
public class Shopper {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final String EMPTY_CSRF = "name=\"csrf-token\" value=\"\"";
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private Integer port;
    private String forwardedFor;

    public RequestSpecification request() {
        RequestSpecification spec = given().redirects().follow(false).cookies(cookies);
        if (forwardedFor != null) {
            spec = spec.header("X-Forwarded-For", forwardedFor);
        }
        return port == null ? spec : spec.port(port);
    }

    /** Requests as if relayed by the load balancer for this client address. */
    public Shopper forwardedFor(String clientAddress) {
        this.forwardedFor = clientAddress;
        return this;
    }

    /** Sends the following requests to the instance on this port (null: the default test instance). */
    public Shopper via(Integer instancePort) {
        this.port = instancePort;
        return this;
    }

    /** Remembers the cookies a response set or cleared, and returns the response. */
    public Response keep(Response response) {
        for (Cookie cookie : response.getDetailedCookies()) {
            if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        }
        return response;
    }

    public Response get(String path) {
        return keep(request().accept("text/html").get(path));
    }

    /** Posts a form with the CSRF token from the given page, as the browser would. */
    public Response submit(String pagePath, String action, Map<String, String> fields) {
        String token = csrfToken(pagePath);
        RequestSpecification spec = request().contentType("application/x-www-form-urlencoded").formParam("csrf-token", token);
        fields.forEach(spec::formParam);
        return keep(spec.post(action));
    }

    /**
     * The CSRF token of a page's forms: rendered in, or, on a page kept for every shopper (an empty field), the one
     * the page's script fetches from /api/v1/shopper.
     */
    public String csrfToken(String pagePath) {
        String page = get(pagePath).asString();
        Matcher m = CSRF.matcher(page);
        if (m.find()) {
            return m.group(1);
        }
        if (page.contains(EMPTY_CSRF)) {
            return state().getString("csrfToken");
        }
        throw new AssertionError("no CSRF token on " + pagePath);
    }

    /** What the header script of a catalog page learns about this shopper (cart count, sign-in, CSRF token). */
    public JsonPath state() {
        Response answer = keep(request().accept("application/json").get("/api/v1/shopper"));
        if (answer.statusCode() != 200) {
            throw new AssertionError("/api/v1/shopper answered " + answer.statusCode() + ": " + answer.asString());
        }
        return answer.jsonPath();
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }
}
