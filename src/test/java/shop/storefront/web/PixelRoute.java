package shop.storefront.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Base64;

/**
 * A PNG served by a plain Vert.x route ahead of Quarkus's own handlers, as the static files are: the place where an
 * image would be compressed if nothing stopped it.
 */
@ApplicationScoped
public class PixelRoute {

    public static final String PATH = "/test-only/pixel.png";
    /** A 1×1 transparent PNG. */
    public static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    void register(@Observes Router router) {
        router.get(PATH).order(Integer.MIN_VALUE + 5).handler(ctx -> ctx.response()
                .putHeader("Content-Type", "image/png").putHeader("Cache-Control", "public, max-age=60").end(Buffer.buffer(PNG)));
    }
}
