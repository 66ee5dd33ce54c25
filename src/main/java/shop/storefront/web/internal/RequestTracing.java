package shop.storefront.web.internal;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * First thing on every request: a request id (the ALB's X-Amzn-Trace-Id when present, else a new one) that is
 * echoed as X-Request-Id and put in the logging context, so every log line of the request carries it.
 */
@ApplicationScoped
public class RequestTracing {

    public static final String MDC_KEY = "requestId";
    static final String HEADER = "X-Request-Id";
    private static final Pattern TRACE_ID = Pattern.compile("[A-Za-z0-9=;.:_-]{1,200}");

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(RequestTracing::trace);
    }

    private static void trace(RoutingContext ctx) {
        String traceId = ctx.request().getHeader("X-Amzn-Trace-Id");
        String id = traceId != null && TRACE_ID.matcher(traceId).matches() ? traceId : UUID.randomUUID().toString();
        // Quarkus keeps the logging context per request (Vert.x duplicated context), worker threads included.
        MDC.put(MDC_KEY, id);
        ctx.response().putHeader(HEADER, id);
        ctx.addEndHandler(done -> MDC.remove(MDC_KEY));
        ctx.next();
    }
}
