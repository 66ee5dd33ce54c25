package shop.storefront.web.internal;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import shop.storefront.platform.NotPermitted;
import shop.storefront.platform.StorefrontConfig;

/**
 * Every state-changing request must carry this browser's CSRF token ({@link CsrfToken}) — as the form field
 * {@code csrf-token} or the header {@code X-CSRF-Token} — whatever its Content-Type, or none. The one exception is a
 * JSON API call: {@code /api/...} with a JSON Content-Type, which no browser sends to another site without a CORS
 * pre-flight (never granted here); its body is parsed as JSON, so it cannot be a form in disguise. Besides, any
 * state-changing request a browser marks as coming from another site ({@code Sec-Fetch-Site: cross-site}) is refused.
 * Servers calling in (Stripe's webhooks) send JSON and no such header.
 * <p>
 * One form may come without a token: adding to the cart ({@value #TOKENLESS_PATH}) from a catalog page, which is the
 * same for every shopper and kept in memory and by the CDN, so it carries no token; its script fills one in, but
 * without scripts the form must still work. Such a POST is accepted only when the browser says it comes from this very
 * site: {@code Sec-Fetch-Site: same-origin}, or an {@code Origin} equal to {@code storefront.base-url}. Browsers set
 * both themselves and no page may forge them, so another site still cannot add to anyone's cart; a request with
 * neither (an old browser, a privacy proxy stripping both) is refused as before. A token that is sent must be valid.
 */
public class CsrfFilter {

    private static final Set<String> UNSAFE = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    static final String TOKENLESS_PATH = "/cart/add";

    private final CsrfToken csrf;
    private final String origin;

    CsrfFilter(CsrfToken csrf, StorefrontConfig config) {
        this.csrf = csrf;
        this.origin = config.baseUrl();
    }

    /** Before routing, so that no content-type answer (415) tells another site anything either. */
    @ServerRequestFilter(preMatching = true)
    public void refuseCrossSite(ContainerRequestContext context) {
        if (UNSAFE.contains(context.getMethod()) && "cross-site".equalsIgnoreCase(context.getHeaderString("Sec-Fetch-Site"))) {
            throw new NotPermitted("Requests from other sites cannot change anything here.");
        }
    }

    @ServerRequestFilter
    @WithFormRead
    public void check(ResteasyReactiveContainerRequestContext context) {
        String path = path(context);
        if (!UNSAFE.contains(context.getMethod()) || jsonApiCall(context, path)) {
            return;
        }
        String sent = sentToken(context);
        if ((sent == null || sent.isEmpty()) && TOKENLESS_PATH.equals(path) && fromThisSite(context)) {
            return;
        }
        if (!csrf.accepts(sent)) {
            throw new NotPermitted("This form has expired or did not come from this site. Go back, reload the page and try again.");
        }
    }

    private boolean fromThisSite(ContainerRequestContext context) {
        return "same-origin".equalsIgnoreCase(context.getHeaderString("Sec-Fetch-Site"))
                || origin.equalsIgnoreCase(context.getHeaderString("Origin"));
    }

    private static String path(ResteasyReactiveContainerRequestContext context) {
        return ((ResteasyReactiveRequestContext) context.getServerRequestContext()).getPath();
    }

    /** The Content-Type was checked to parse before any resource runs ({@link HostileHeaders}). */
    static boolean jsonApiCall(ContainerRequestContext context, String path) {
        MediaType type = context.getMediaType();
        return ErrorResponses.wantsProblemJson(path) && type != null
                && ("json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"))
                && "application".equalsIgnoreCase(type.getType());
    }

    private static String sentToken(ResteasyReactiveContainerRequestContext context) {
        String header = context.getHeaderString(CsrfToken.HEADER);
        if (header != null) {
            return header;
        }
        ResteasyReactiveRequestContext request = (ResteasyReactiveRequestContext) context.getServerRequestContext();
        return request.getFormParameter(CsrfToken.FIELD, true, false) instanceof String field ? field : null;
    }
}
