package shop.storefront.web.internal;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import shop.storefront.web.ShopperFacingException;

/**
 * Every state-changing form post must carry the browser's CSRF token (double-submit, signed). JSON API calls
 * need no token: browsers cannot send cross-site JSON without a CORS pre-flight, which this site never grants.
 * Besides, any state-changing request a browser marks as coming from another site ({@code Sec-Fetch-Site:
 * cross-site}) is refused, whatever its content type: that covers body-less and text/plain posts, which need no
 * pre-flight. Servers calling in (Stripe's webhooks) send no such header.
 */
public class CsrfFilter {

    private static final Set<String> UNSAFE = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final CsrfToken csrf;

    CsrfFilter(CsrfToken csrf) {
        this.csrf = csrf;
    }

    /** Before routing, so that no content-type answer (415) tells another site anything either. */
    @ServerRequestFilter(preMatching = true)
    public void refuseCrossSite(ContainerRequestContext context) {
        if (UNSAFE.contains(context.getMethod()) && "cross-site".equalsIgnoreCase(context.getHeaderString("Sec-Fetch-Site"))) {
            throw new ShopperFacingException(403, null, "Requests from other sites cannot change anything here.");
        }
    }

    @ServerRequestFilter
    @WithFormRead
    public void check(ResteasyReactiveContainerRequestContext context) {
        MediaType type = context.getMediaType();
        boolean form = type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
        if (!form || !UNSAFE.contains(context.getMethod())) {
            return;
        }
        ResteasyReactiveRequestContext request = (ResteasyReactiveRequestContext) context.getServerRequestContext();
        Object sent = request.getFormParameter(CsrfToken.FIELD, true, false);
        String expected = csrf.fromCookie();
        if (expected == null || !(sent instanceof String token)
                || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw new ShopperFacingException(403, null,
                    "This form has expired or did not come from this site. Go back, reload the page and try again.");
        }
    }
}
