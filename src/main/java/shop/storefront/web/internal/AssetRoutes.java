package shop.storefront.web.internal;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import shop.storefront.web.internal.StaticAssets.Asset;

/**
 * Serves the static files with cache headers that fit their URL:
 * <ul>
 * <li>{@code /assets/<fingerprint>/<path>}: {@value #IMMUTABLE} — the URL changes whenever the content does. A
 * fingerprint that is not the current one (a page from the previous release during a rolling deploy) still gets the
 * current file, but only with {@value #REVALIDATE}, so no cache keeps it under the old URL.</li>
 * <li>the plain path ({@code /css/site.css}): {@value #REVALIDATE}, for links from outside our pages.</li>
 * </ul>
 * Every answer carries the fingerprint as a strong ETag and answers a matching If-None-Match with 304.
 */
@ApplicationScoped
public class AssetRoutes {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";
    private static final String PREFIX = "/assets/";

    void register(@Observes Router router, StaticAssets assets) {
        // Ahead of Quarkus's own static-file handler, which would answer the plain paths with a day of "immutable".
        router.route().order(Integer.MIN_VALUE + 5).handler(ctx -> serve(ctx, assets));
    }

    private static void serve(RoutingContext ctx, StaticAssets assets) {
        HttpMethod method = ctx.request().method();
        String path = ctx.normalizedPath();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            ctx.next();
            return;
        }
        String fingerprint = null;
        String file = path;
        if (path.startsWith(PREFIX)) {
            int slash = path.indexOf('/', PREFIX.length());
            if (slash < 0) {
                ctx.next();
                return;
            }
            fingerprint = path.substring(PREFIX.length(), slash);
            file = path.substring(slash);
        }
        Optional<Asset> asset = assets.find(file);
        if (asset.isEmpty()) {
            ctx.next();
            return;
        }
        boolean current = asset.get().fingerprint().equals(fingerprint);
        send(ctx, asset.get(), current ? IMMUTABLE : REVALIDATE, method == HttpMethod.HEAD);
    }

    private static void send(RoutingContext ctx, Asset asset, String cacheControl, boolean headOnly) {
        String etag = "\"" + asset.fingerprint() + "\"";
        HttpServerResponse response = ctx.response()
                .putHeader("Cache-Control", cacheControl)
                .putHeader("ETag", etag);
        String ifNoneMatch = ctx.request().getHeader("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader("Content-Type", asset.mediaType());
        if (headOnly) {
            response.putHeader("Content-Length", String.valueOf(asset.bytes().length)).end();
        } else {
            response.end(io.vertx.core.buffer.Buffer.buffer(asset.bytes()));
        }
    }
}
