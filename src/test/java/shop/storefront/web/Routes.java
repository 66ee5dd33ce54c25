package shop.storefront.web;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Every HTTP route the storefront's resources declare, read from the classes themselves, so that a route added
 * tomorrow is in tomorrow's hostile-input tables without anyone remembering to add it. Path parameters get the
 * value {@code 1}, which every parameter pattern here accepts.
 */
public final class Routes {

    /** One method and concrete path. */
    public record Route(String method, String path) {
        public boolean api() {
            return path.startsWith("/api/");
        }

        public boolean changesState() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Map<Class<? extends Annotation>, String> METHODS = Map.of(GET.class, "GET", POST.class, "POST",
            PUT.class, "PUT", DELETE.class, "DELETE", PATCH.class, "PATCH");
    private static List<Route> all;

    private Routes() {
    }

    public static synchronized List<Route> all() {
        if (all == null) {
            List<Route> routes = new ArrayList<>();
            for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("shop.storefront")) {
                Class<?> resource = type.reflect();
                Path base = resource.getAnnotation(Path.class);
                if (base == null || resource.isInterface()) { // interfaces are REST clients (Stripe), not routes
                    continue;
                }
                for (Method method : resource.getDeclaredMethods()) {
                    METHODS.forEach((annotation, name) -> {
                        if (method.isAnnotationPresent(annotation)) {
                            Path sub = method.getAnnotation(Path.class);
                            routes.add(new Route(name, concrete(base.value(), sub == null ? "" : sub.value())));
                        }
                    });
                }
            }
            routes.sort(Comparator.comparing(Route::toString));
            all = List.copyOf(routes);
        }
        return all;
    }

    public static List<Route> pages() {
        return all().stream().filter(r -> !r.api()).toList();
    }

    private static String concrete(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        path = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return replaceParameters(path);
    }

    /** {name} and {name: regex} (whose regex may hold braces of its own) become 1. */
    private static String replaceParameters(String path) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (char c : path.toCharArray()) {
            if (c == '{') {
                if (depth++ == 0) {
                    out.append('1');
                }
            } else if (c == '}') {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
