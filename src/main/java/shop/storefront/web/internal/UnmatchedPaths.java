package shop.storefront.web.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import shop.storefront.web.Problem;

/** The site's own 404 page (or problem+json under /api) for paths that no route knows at all. */
@ApplicationScoped
public class UnmatchedPaths {

    void register(@Observes Router router, ObjectMapper json) {
        // blocking: the page layout reads the category menu
        router.route().last().blockingHandler(ctx -> {
            Response response = ErrorResponses.notFoundResponse(ctx.request(), null);
            ctx.response().setStatusCode(404);
            try {
                if (response.getEntity() instanceof TemplateInstance page) {
                    ctx.response().putHeader("Content-Type", "text/html;charset=UTF-8").end(page.render());
                } else {
                    ctx.response().putHeader("Content-Type", Problem.MEDIA_TYPE).end(json.writeValueAsString(response.getEntity()));
                }
            } catch (Exception e) {
                ctx.fail(e);
            }
        });
    }
}
