package shop.storefront.web.internal;

import jakarta.ws.rs.HttpMethod;
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
 */
public class CsrfFilter {

    private static final Set<String> UNSAFE = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final CsrfToken csrf;

    CsrfFilter(CsrfToken csrf) {
        this.csrf = csrf;
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
