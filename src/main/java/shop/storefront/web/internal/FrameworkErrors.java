package shop.storefront.web.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import shop.storefront.web.Problem;

/**
 * The site's own error page (or problem+json under /api) for what the web server answers before any resource
 * runs: paths no route knows, malformed URLs, bodies or headers over the limits. Without this those answers
 * would be empty.
 */
@ApplicationScoped
public class FrameworkErrors {

    private static final int[] HANDLED = {400, 413, 414, 431};

    private final ObjectMapper json;

    FrameworkErrors(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router, WebConfig config) {
        long maxBody = config.maxBodySize().asLongValue();
        router.route().order(Integer.MIN_VALUE + 2).handler(ctx -> limitBody(ctx, maxBody));
        // blocking: the page layout reads the category menu
        router.route().last().blockingHandler(ctx -> respond(ctx, 404, null));
        for (int status : HANDLED) {
            router.errorHandler(status, ctx -> respond(ctx, status, null));
        }
    }

    /**
     * A body announced as too large is refused before any of it is read. A body of unannounced length (chunked) is
     * read here, up to the limit, and handed on whole; past the limit it is refused with the same answer. (The REST
     * layer would otherwise stop it with a bare 413 and an error in the log.)
     */
    private void limitBody(RoutingContext ctx, long maxBody) {
        HttpServerRequest request = ctx.request();
        String length = request.getHeader("Content-Length");
        if (length != null) {
            if (length.matches("\\d{1,18}") && Long.parseLong(length) > maxBody) {
                respond(ctx, 413, null);
            } else {
                ctx.next();
            }
            return;
        }
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
                respond(ctx, 413, null);
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
