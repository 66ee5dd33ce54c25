package shop.storefront.catalog.internal.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import shop.storefront.catalog.internal.service.PageVersions;

/**
 * Answers catalog pages (home, category, product, search) from {@link PageStore} while the catalog has not changed
 * since they were rendered, before any resource, security check or request scope runs: the page is the same for
 * every shopper. On each request the page's catalog version is read from Redis (one MGET, without blocking), so a
 * change committed on any instance is seen by the very next request. Anything else goes on to {@link CatalogPages},
 * which renders the page, stores it under the version read here ({@link #TAG}) and answers it the same way; if Redis
 * cannot be read, the page is rendered as if nothing were stored, and not stored.
 * <p>
 * Runs after the edge's own handlers (forwarding, body limits, hostile headers, tooling, static files: see their
 * {@code order}), so every refusal they make still holds; the security headers and CSP are added to every answer.
 */
@ApplicationScoped
public class CachedPageRoute {

    /** Routing-context key of the catalog version read for this request; absent when it could not be read. */
    static final String TAG = "storefront.catalog.page-tag";
    private static final Pattern PAGES = Pattern.compile("/|/search|/category/[^/]+|/product/([^/]+)");

    private final PageStore store;
    private final PageVersions versions;
    private final PageVersionReader reader;

    CachedPageRoute(PageStore store, PageVersions versions, PageVersionReader reader) {
        this.store = store;
        this.versions = versions;
        this.reader = reader;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 6).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        Matcher page = PAGES.matcher(ctx.normalizedPath());
        if ((method != HttpMethod.GET && method != HttpMethod.HEAD) || !page.matches()) {
            ctx.next();
            return;
        }
        List<String> keys = versions.keys(page.group(1));
        reader.read(keys).onComplete(read -> {
            if (read.failed()) {
                store.countUnavailable();
                ctx.next();
                return;
            }
            String tag = versions.tag(read.result());
            if (tag == null) {
                ctx.next();
                return;
            }
            RenderedPage stored = store.current(PageStore.key(ctx.normalizedPath(), ctx.request().query()), tag);
            if (stored == null) {
                ctx.put(TAG, tag);
                ctx.next();
            } else {
                send(ctx.response(), stored, ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH),
                        RenderedPage.sendGzip(ctx.request().version(), ctx.request().getHeader(HttpHeaders.ACCEPT_ENCODING)),
                        method == HttpMethod.HEAD);
            }
        });
    }

    private static void send(HttpServerResponse response, RenderedPage page, String ifNoneMatch, boolean gzip,
            boolean headOnly) {
        response.putHeader(HttpHeaders.ETAG, page.etag()).putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (page.matches(ifNoneMatch)) {
            response.setStatusCode(304).end();
            return;
        }
        byte[] body = gzip ? page.gzip() : page.identity();
        response.putHeader(HttpHeaders.CONTENT_TYPE, RenderedPage.CONTENT_TYPE)
                .putHeader(HttpHeaders.CONTENT_ENCODING, gzip ? "gzip" : "identity");
        if (headOnly) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length)).end();
        } else {
            response.end(Buffer.buffer(body));
        }
    }
}
