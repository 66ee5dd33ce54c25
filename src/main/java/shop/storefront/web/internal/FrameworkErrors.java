package shop.storefront.web.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import shop.storefront.web.LargeBodyRoute;
import shop.storefront.web.Problem;

/**
 * The site's own error page (or problem+json under /api) for what the web server answers before any resource
 * runs: paths no route knows, malformed URLs, bodies or headers over the limits. Without this those answers
 * would be empty. Bodies are limited to {@code storefront.max-body-size}, except on the routes modules declare as
 * {@link LargeBodyRoute}s (uploads), which get their own limit and message.
 */
@ApplicationScoped
public class FrameworkErrors {

    private static final int[] HANDLED = {400, 413, 414, 431};
    private static final String SERVER_LIMIT = "quarkus.http.limits.max-body-size";

    private final ObjectMapper json;

    FrameworkErrors(ObjectMapper json) {
        this.json = json;
    }

    /** The body limit a request gets, and what its refusal says (null: the usual words for a 413). */
    private record BodyLimit(long maxBytes, String tooLarge) {
    }

    void register(@Observes Router router, WebConfig config, Instance<LargeBodyRoute> largeBodyRoutes,
            @ConfigProperty(name = SERVER_LIMIT) MemorySize serverLimit) {
        BodyLimit siteWide = new BodyLimit(config.maxBodySize().asLongValue(), null);
        List<LargeBodyRoute> routes = largeBodyRoutes.stream().toList();
        routes.forEach(route -> checkServerTakes(route, serverLimit.asLongValue()));
        router.route().order(Integer.MIN_VALUE + 2).handler(ctx -> limitBody(ctx, limitFor(ctx.request(), routes, siteWide)));
        // blocking: the page layout reads the category menu
        router.route().last().blockingHandler(ctx -> respond(ctx, 404, null));
        for (int status : HANDLED) {
            router.errorHandler(status, ctx -> respond(ctx, status, null));
        }
    }

    /**
     * The HTTP server stops larger bodies itself with a bare 413 (and the REST layer's multipart reader at the same
     * size), so no route's limit can be above it; better to say so at start-up than to refuse uploads in use.
     */
    private static void checkServerTakes(LargeBodyRoute route, long serverLimit) {
        if (route.maxBodySize() > serverLimit) {
            throw new IllegalStateException("%s is %d bytes, below the %d bytes that %s allows a request body; raise it"
                    .formatted(SERVER_LIMIT, serverLimit, route.maxBodySize(), route.setting()));
        }
    }

    private static BodyLimit limitFor(HttpServerRequest request, List<LargeBodyRoute> routes, BodyLimit siteWide) {
        if (routes.isEmpty()) {
            return siteWide;
        }
        String method = request.method().name();
        String path = request.path();
        return routes.stream().filter(route -> route.receives(method, path)).findFirst()
                .map(route -> new BodyLimit(route.maxBodySize(), route.tooLarge())).orElse(siteWide);
    }

    /**
     * A body announced as too large is refused before any of it is read. A body of unannounced length (chunked, or
     * an HTTP/2 stream without Content-Length) is read here, up to the limit, and handed on whole; past the limit it
     * is refused with the same answer. (The REST layer would otherwise stop it with a bare 413 and an error in the
     * log, and only at the server's own, higher limit.)
     */
    private void limitBody(RoutingContext ctx, BodyLimit limit) {
        HttpServerRequest request = ctx.request();
        long maxBody = limit.maxBytes();
        String length = request.getHeader("Content-Length");
        if (length != null) {
            if (length.matches("\\d{1,18}") && Long.parseLong(length) > maxBody) {
                respond(ctx, 413, limit.tooLarge());
            } else {
                ctx.next();
            }
            return;
        }
        // Only chunked HTTP/1 bodies are read here. An HTTP/2 stream read to its end here cannot be handed on (the
        // REST layer's pause then fails with "Request has already been read", a 500 for every h2c request); its
        // unannounced bodies are stopped by the server's own limit (quarkus.http.limits.max-body-size).
        if (request.isEnded() || !request.headers().contains("Transfer-Encoding")) {
            ctx.next();
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + chunk.length() > maxBody) {
                refused[0] = true;
                ctx.response().endHandler(done -> closeUnlessMultiplexed(request));
                respond(ctx, 413, limit.tooLarge());
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(done -> {
            if (!refused[0]) {
                ctx.setBody(body);
                ctx.next();
            }
        });
        request.resume();
    }

    /** The rest of a refused body is not worth reading: an HTTP/1 connection is closed once the answer is out. */
    private static void closeUnlessMultiplexed(HttpServerRequest request) {
        if (request.version() != HttpVersion.HTTP_2) {
            request.connection().close();
        }
    }

    /** Answers with the site's error page or problem+json; the detail says what was wrong (null: said by status). */
    void respond(RoutingContext ctx, int status, String detail) {
        if (ctx.response().headWritten()) {
            return;
        }
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            Response response = ErrorResponses.frameworkResponse(ctx.request(), status, detail);
            ctx.response().setStatusCode(status);
            if (response.getEntity() instanceof TemplateInstance page) {
                ctx.response().putHeader("Content-Type", "text/html;charset=UTF-8").end(page.render());
            } else {
                ctx.response().putHeader("Content-Type", Problem.MEDIA_TYPE).end(json.writeValueAsString(response.getEntity()));
            }
        } catch (Exception e) {
            ctx.response().setStatusCode(status).end();
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }
}
