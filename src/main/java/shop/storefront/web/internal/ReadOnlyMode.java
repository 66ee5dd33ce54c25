package shop.storefront.web.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import shop.storefront.platform.StorefrontConfig;
import shop.storefront.platform.TemporarilyUnavailable;

/**
 * A browse-only instance ({@code storefront.read-only}, a standby region on a read-only replica): every page says so
 * (the layout's banner, {@code inject:readOnly}), and every state-changing request is refused before any resource runs,
 * pages and API alike, with 503 and the same words. Only searching with a JSON body is a POST that changes nothing.
 */
@ApplicationScoped
@Named("readOnly")
public class ReadOnlyMode {

    private static final Set<String> UNSAFE = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final Set<String> READS_BY_POST = Set.of("/api/v1/search");
    /** A standby region serves until ops switch back, rarely within minutes: no point in trying again sooner. */
    private static final long RETRY_AFTER_SECONDS = 300;

    private final boolean on;

    ReadOnlyMode(StorefrontConfig config) {
        this.on = config.readOnly();
    }

    /** Whether this instance is browse-only. */
    public boolean on() {
        return on;
    }

    /** The banner's words, and the refusal's. */
    public String message() {
        return "This shop is browse-only right now: ordering, carts and accounts are paused while we serve you from our"
                + " standby site. You can still browse and search the catalog; please come back a little later to order.";
    }

    /** Before routing, so that no other answer (a missing CSRF token, a bad body) hides why nothing can change. */
    @ServerRequestFilter(preMatching = true)
    public void refuseWrites(ContainerRequestContext context) {
        if (on && UNSAFE.contains(context.getMethod()) && !READS_BY_POST.contains(context.getUriInfo().getPath())) {
            throw new TemporarilyUnavailable(message(), RETRY_AFTER_SECONDS);
        }
    }
}
