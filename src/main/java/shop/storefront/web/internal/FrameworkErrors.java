package shop.storefront.web.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import shop.storefront.platform.StorefrontConfig;
import shop.storefront.web.Problem;

/**
 * The site's own error page (or problem+json under /api) for what the web server answers before any resource
 * runs: paths no route knows, malformed URLs, bodies or headers over the limits. Without this those answers
 * would be empty.
 */
@ApplicationScoped
public class FrameworkErrors {

    private static final int[] HANDLED = {400, 413, 414, 431};

    void register(@Observes Router router, ObjectMapper json, StorefrontConfig config) {
        long maxBody = config.maxBodySize().asLongValue();
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBody) {
                respond(ctx, 413, json);
            } else {
                ctx.next();
            }
        });
        // blocking: the page layout reads the category menu
        router.route().last().blockingHandler(ctx -> respond(ctx, 404, json));
        for (int status : HANDLED) {
            router.errorHandler(status, ctx -> respond(ctx, status, json));
        }
    }

    private static void respond(RoutingContext ctx, int status, ObjectMapper json) {
        if (ctx.response().headWritten()) {
            return;
        }
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            Response response = ErrorResponses.frameworkResponse(ctx.request(), status);
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
