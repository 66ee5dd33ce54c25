package shop.storefront.catalog.internal.web;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import shop.storefront.platform.DatabaseOutage;
import shop.storefront.platform.TemporarilyUnavailable;

/**
 * Turns a freshly rendered catalog page into the same answer {@link CachedPageRoute} gives from memory (ETag, 304,
 * gzip or plain), and stores it under the catalog version the route read before the page's data was read: a change
 * committed in between makes that version old at once, so the page is rendered again rather than served stale. The
 * page must hold nothing about the shopper (the layout's shared header, see {@code layout.html}).
 */
@ApplicationScoped
public class SharedPages {

    private final CurrentVertxRequest request;
    private final PageStore store;

    SharedPages(CurrentVertxRequest request, PageStore store) {
        this.request = request;
        this.store = store;
    }

    Response answer(TemplateInstance template) {
        RoutingContext ctx = request.getCurrent();
        String tag = ctx.get(CachedPageRoute.TAG);
        RenderedPage page = RenderedPage.of(tag == null ? "" : tag, template.render());
        if (tag != null) {
            store.put(PageStore.key(ctx.normalizedPath(), ctx.request().query()), page);
        }
        return send(ctx, page);
    }

    /**
     * The page as {@code fresh} makes it, or, when the data it needs is out of reach for a moment (the database down,
     * and the catalog changed since the page was stored, or the stored copy expired), the copy last stored for this
     * address on this instance, whatever its version: a page a little behind beats "cannot be shown" while ordering
     * is paused anyway. Without such a copy the refusal stands.
     */
    Response orLastKnown(Supplier<Response> fresh) {
        try {
            return fresh.get();
        } catch (RuntimeException e) {
            if (!(e instanceof TemporarilyUnavailable) && !DatabaseOutage.causedBy(e)) {
                throw e;
            }
            RoutingContext ctx = request.getCurrent();
            RenderedPage last = store.lastKnown(PageStore.key(ctx.normalizedPath(), ctx.request().query()));
            if (last == null) {
                throw e;
            }
            return send(ctx, last);
        }
    }

    private static Response send(RoutingContext ctx, RenderedPage page) {
        Response.ResponseBuilder answer;
        if (page.matches(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
            answer = Response.notModified();
        } else {
            boolean gzip = RenderedPage.sendGzip(ctx.request().version(), ctx.request().getHeader(HttpHeaders.ACCEPT_ENCODING));
            answer = Response.ok(gzip ? page.gzip() : page.identity())
                    .header(HttpHeaders.CONTENT_TYPE.toString(), RenderedPage.CONTENT_TYPE)
                    .header(HttpHeaders.CONTENT_ENCODING.toString(), gzip ? "gzip" : "identity");
        }
        return answer.header(HttpHeaders.ETAG.toString(), page.etag())
                .header(HttpHeaders.VARY.toString(), HttpHeaders.ACCEPT_ENCODING.toString()).build();
    }
}
