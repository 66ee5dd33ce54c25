package shop.storefront.web.internal;

import io.netty.util.NetUtil;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;
import org.jboss.logging.MDC;
import shop.storefront.web.ClientAddress;

/**
 * Works out, once per request, who the client is and whether its connection to us was https, from the headers a
 * trusted proxy (the ALB) adds — and from nothing else. Quarkus's own forwarding support is off because it takes the
 * leftmost {@code X-Forwarded-For} entry, which the client writes itself. {@code X-Forwarded-Host} is never read: an
 * ALB passes it through from the client, and URLs the app writes come from {@code storefront.base-url} or are relative.
 */
@ApplicationScoped
public class ForwardedRequests {

    static final String MDC_KEY = "clientAddress";
    private static final String HSTS = "max-age=31536000; includeSubDomains";

    private final TrustedProxies trusted;

    ForwardedRequests(WebConfig config) {
        try {
            this.trusted = TrustedProxies.parse(config.trustedProxies());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("storefront.trusted-proxies: " + e.getMessage(), e);
        }
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::resolve);
    }

    private void resolve(RoutingContext ctx) {
        SocketAddress peer = ctx.request().remoteAddress();
        byte[] peerBytes = peer == null ? null : TrustedProxies.IpLiterals.parse(peer.hostAddress());
        boolean fromProxy = peerBytes != null && trusted.contains(peerBytes);
        byte[] client = fromProxy ? trusted.clientBehind(peerBytes, ctx.request().headers().getAll("X-Forwarded-For")) : peerBytes;
        ClientAddress address = client == null ? ClientAddress.of(null) : describe(client);
        ctx.put(ClientAddress.CONTEXT_KEY, address);
        MDC.put(MDC_KEY, address.address());
        ctx.addEndHandler(done -> MDC.remove(MDC_KEY));
        ctx.addHeadersEndHandler(done -> relativeLocation(ctx));
        if (fromProxy ? "https".equals(rightmost(ctx.request().getHeader("X-Forwarded-Proto"))) : ctx.request().isSSL()) {
            ctx.response().putHeader("Strict-Transport-Security", HSTS);
        }
        ctx.next();
    }

    static ClientAddress describe(byte[] address) {
        String text = NetUtil.bytesToIpAddress(address);
        if (address.length == 4) {
            return new ClientAddress(text, text);
        }
        byte[] network = Arrays.copyOf(Arrays.copyOf(address, 8), 16);
        return new ClientAddress(text, NetUtil.bytesToIpAddress(network) + "/64");
    }

    /**
     * The backstop for {@link shop.storefront.web.Redirects}: a redirect the framework made absolute took its origin
     * from the request's own Host (or HTTP/2 :authority), which the client chose, so it is made relative again.
     */
    private static void relativeLocation(RoutingContext ctx) {
        String location = ctx.response().headers().get("Location");
        if (location == null || location.startsWith("/")) {
            return;
        }
        for (String host : requestHosts(ctx)) {
            for (String scheme : new String[] {"http://", "https://"}) {
                String origin = scheme + host;
                if (location.regionMatches(true, 0, origin, 0, origin.length())) {
                    String rest = location.substring(origin.length());
                    ctx.response().headers().set("Location", rest.startsWith("/") ? rest : "/" + rest);
                    return;
                }
            }
        }
    }

    private static java.util.List<String> requestHosts(RoutingContext ctx) {
        java.util.List<String> hosts = new java.util.ArrayList<>(2);
        String header = ctx.request().getHeader("Host");
        if (header != null) {
            hosts.add(header);
        }
        var authority = ctx.request().authority();
        if (authority != null) {
            hosts.add(authority.port() > 0 ? authority.host() + ":" + authority.port() : authority.host());
        }
        return hosts;
    }

    private static String rightmost(String header) {
        if (header == null) {
            return null;
        }
        int comma = header.lastIndexOf(',');
        return header.substring(comma + 1).strip().toLowerCase(java.util.Locale.ROOT);
    }
}
