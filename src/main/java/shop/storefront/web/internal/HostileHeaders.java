package shop.storefront.web.internal;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Every header is client input. Before any resource runs, the ones the framework parses are checked: an
 * unreadable {@code Accept}, {@code Accept-Language}, {@code Accept-Encoding} or {@code Accept-Charset} is dropped
 * (the page is served as if none were sent: these are only preferences),
 * an unreadable {@code Content-Type} is dropped from a request that cannot carry a body and refused (400, with the
 * reason) on one that can, and a header sent twice where only one makes sense is refused.
 */
@ApplicationScoped
public class HostileHeaders {

    private static final Set<HttpMethod> BODILESS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final List<String> SINGLE = List.of("Content-Type", "Idempotency-Key", "Stripe-Signature", "X-CSRF-Token");

    void register(@Observes Router router, FrameworkErrors errors) {
        router.route().order(Integer.MIN_VALUE + 3).handler(ctx -> check(ctx, errors));
    }

    private static void dropUnreadable(MultiMap headers, String name, Predicate<String> readable) {
        List<String> values = headers.getAll(name);
        if (!values.isEmpty() && !readable.test(String.join(",", values))) {
            headers.remove(name);
        }
    }

    private static void check(RoutingContext ctx, FrameworkErrors errors) {
        var headers = ctx.request().headers();
        for (String name : SINGLE) {
            if (headers.getAll(name).size() > 1) {
                errors.respond(ctx, 400, "The " + name + " header may be sent only once.");
                return;
            }
        }
        dropUnreadable(headers, "Accept", MediaTypeSyntax::validAccept);
        dropUnreadable(headers, "Accept-Language", value -> MediaTypeSyntax.validList(value, MediaTypeSyntax.LANGUAGE_RANGE));
        dropUnreadable(headers, "Accept-Encoding", value -> MediaTypeSyntax.validList(value, MediaTypeSyntax.WEIGHTED_TOKEN));
        dropUnreadable(headers, "Accept-Charset", value -> MediaTypeSyntax.validList(value, MediaTypeSyntax.WEIGHTED_TOKEN));
        String contentType = headers.get("Content-Type");
        String problem = contentType == null ? null : MediaTypeSyntax.contentTypeProblem(contentType);
        if (problem != null) {
            if (BODILESS.contains(ctx.request().method())) {
                headers.remove("Content-Type");
            } else {
                errors.respond(ctx, 400, problem);
                return;
            }
        }
        ctx.next();
    }
}
