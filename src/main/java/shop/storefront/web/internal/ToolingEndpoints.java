package shop.storefront.web.internal;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Health checks only read: anything but GET and HEAD on {@code /q/health/*} gets 405. Health is served on the public
 * port in every profile (the ALB checks readiness there); metrics and OpenAPI move to the management interface in
 * production (see application.properties), so the public port does not serve them at all.
 */
@ApplicationScoped
public class ToolingEndpoints {

    private static final String HEALTH = "/q/health*";

    void onPublicPort(@Observes Router router, FrameworkErrors errors) {
        router.route(HEALTH).order(Integer.MIN_VALUE + 4).handler(ctx -> readOnly(ctx, errors));
    }

    private static void readOnly(RoutingContext ctx, FrameworkErrors errors) {
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            ctx.next();
        } else {
            ctx.response().putHeader("Allow", "GET, HEAD");
            errors.respond(ctx, 405, "Health checks answer GET and HEAD only.");
        }
    }
}
