package shop.storefront.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.storefront.account.Accounts;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.web.Shopper;

/**
 * Every back-office route, found in the code rather than listed by hand (so a page whose resource forgot
 * {@code @RolesAllowed("admin")} fails here the day it is added): signed-out visitors are sent to sign in, customers
 * are refused with the site's own 403, administrators get in.
 */
@QuarkusTest
class BackOfficeAccessTest {

    /** A route: the HTTP method and a concrete path (template parameters filled with a harmless value). */
    record Route(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Inject
    CatalogOracle db;
    @Inject
    RedisDataSource redis;

    @BeforeEach
    void freshLimits() {
        Accounts.resetRateLimits(redis);
    }

    static Stream<Route> adminRoutes() {
        List<Route> routes = new ArrayList<>();
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("shop.storefront");
        for (JavaClass javaClass : classes) {
            if (!javaClass.isAnnotatedWith(Path.class)) {
                continue;
            }
            Class<?> type = javaClass.reflect();
            String base = type.getAnnotation(Path.class).value();
            for (Method method : type.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = concrete(join(base, sub == null ? "" : sub.value()));
                if (path.equals("/admin") || path.startsWith("/admin/") || path.startsWith("/api/v1/admin/")) {
                    routes.add(new Route(verb, path));
                }
            }
        }
        return routes.stream();
    }

    @Test
    void theRoutesAreFound() {
        assertThat(adminRoutes().map(Route::path)).contains("/admin", "/admin/audit", "/api/v1/admin/orders/1/cancel");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adminRoutes")
    void signedOutVisitorsAreSentToSignIn(Route route) {
        Response response = send(new Shopper(), route);
        if (route.path().startsWith("/api/")) {
            assertThat(response.statusCode()).as(route.toString()).isEqualTo(401);
        } else if (route.method().equals("GET")) {
            assertThat(response.statusCode()).as(route.toString()).isEqualTo(302);
            assertThat(response.header("Location")).endsWith("/account/sign-in");
        } else {
            assertThat(response.statusCode()).as(route.toString()).isIn(302, 401, 403);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adminRoutes")
    void customersAreRefused(Route route) {
        Shopper customer = Staff.signedInCustomer();
        Response response = send(customer, route);
        assertThat(response.statusCode()).as(route.toString()).isEqualTo(403);
        if (route.path().startsWith("/api/")) {
            assertThat(response.contentType()).as(route.toString()).startsWith("application/problem+json");
        } else if (route.method().equals("GET")) {
            assertThat(response.asString()).as(route.toString()).contains("<h1>Not allowed</h1>", "not allowed to open this page");
        }
    }

    @Test
    void administratorsSeeTheDashboardAndTheShopLinksToIt() {
        Shopper admin = Staff.signedInAdmin(db).browser();
        Response dashboard = admin.get("/admin");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.asString()).contains("<h1>Dashboard</h1>", "Dead letters");
        // The shop's pages are the same for everyone; their header script shows the link to whoever the API says is staff.
        assertThat(admin.get("/").asString()).contains("href=\"/admin\" class=\"shopper-admin\" hidden");
        assertThat(admin.state().getBoolean("admin")).isTrue();
        assertThat(Staff.signedInCustomer().state().getBoolean("admin")).isFalse();
    }

    private static Response send(Shopper shopper, Route route) {
        var request = shopper.request().accept(route.path().startsWith("/api/") ? "application/json" : "text/html");
        return switch (route.method()) {
            case "GET" -> request.get(route.path());
            case "POST" -> route.path().startsWith("/api/") ? request.contentType("application/json").body("{}").post(route.path())
                    : request.contentType("application/x-www-form-urlencoded").formParam("x", "1").post(route.path());
            case "PUT" -> request.contentType("application/json").body("{}").put(route.path());
            default -> request.delete(route.path());
        };
    }

    private static String verb(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        return method.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * {@code {number}} or {@code {id: [0-9]{1,18}}} become 1: the guard must refuse before anything looks the value up.
     * Braces nest in a parameter's pattern, so they are counted rather than matched by a regular expression.
     */
    private static String concrete(String template) {
        StringBuilder path = new StringBuilder();
        int depth = 0;
        for (char c : template.toCharArray()) {
            if (c == '{' && depth++ == 0) {
                path.append('1');
            } else if (c == '}') {
                depth--;
            } else if (depth == 0) {
                path.append(c);
            }
        }
        return path.toString();
    }
}
