package shop.storefront.web.internal;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Headers every answer gets once it is complete, whichever route, resource or error handler made it:
 * <ul>
 * <li>Cache-Control where the answer has none ({@link CachePolicy});</li>
 * <li>compression for exactly the media types listed in {@code quarkus.http.compress-media-types}, decided here on
 * the finished answer: Quarkus decides per resource method, so it leaves error pages and problem+json of unmatched
 * or failed requests uncompressed, and compresses whatever routes ahead of its own (static files, early refusals)
 * send, images included. ({@code @Uncompressed} is thus not honoured for those types; nothing here uses it.)</li>
 * <li>{@code Vary: Accept-Encoding} on every answer that is compressed when the client asks, so no cache hands a
 * compressed copy to a client that did not ask for one.</li>
 * </ul>
 */
@ApplicationScoped
public class EdgeResponseHeaders {

    private final Set<String> compressible;
    private final Duration sharedMaxAge;

    EdgeResponseHeaders(@ConfigProperty(name = "quarkus.http.compress-media-types") List<String> compressible,
            WebConfig config) {
        this.sharedMaxAge = config.catalogPagesSharedMaxAge();
        this.compressible = compressible.stream().map(type -> type.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    void register(@Observes Router router) {
        // First of all routes: its end-of-headers step, registered first, runs after every other one.
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            ctx.addHeadersEndHandler(done -> complete(ctx));
            ctx.next();
        });
    }

    private void complete(RoutingContext ctx) {
        MultiMap headers = ctx.response().headers();
        String mediaType = mediaType(headers.get(HttpHeaders.CONTENT_TYPE));
        if (!headers.contains(HttpHeaders.CACHE_CONTROL)) {
            CachePolicy.cacheControl(ctx.request().method().name(), ctx.normalizedPath(), ctx.response().getStatusCode(), mediaType,
                    sharedMaxAge)
                    .ifPresent(value -> headers.set(HttpHeaders.CACHE_CONTROL, value));
        }
        String encoding = headers.get(HttpHeaders.CONTENT_ENCODING);
        if (encoding == null || HttpHeaders.IDENTITY.toString().equalsIgnoreCase(encoding)) {
            if (compressible.contains(mediaType)) {
                headers.remove(HttpHeaders.CONTENT_ENCODING);
                varyOnEncoding(headers);
            } else {
                headers.set(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
            }
        }
    }

    private static void varyOnEncoding(MultiMap headers) {
        String vary = headers.get(HttpHeaders.VARY);
        if (vary == null || vary.isBlank()) {
            headers.set(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        } else if (!vary.toLowerCase(Locale.ROOT).contains("accept-encoding")) {
            headers.set(HttpHeaders.VARY, vary + ", " + HttpHeaders.ACCEPT_ENCODING);
        }
    }

    /** "text/html;charset=UTF-8" → "text/html"; "" when there is none. */
    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
