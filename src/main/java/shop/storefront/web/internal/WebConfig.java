package shop.storefront.web.internal;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Settings of the HTTP edge: cookie signing, request size and which proxies are trusted. The keys sit directly under
 * {@code storefront} (STOREFRONT_SIGNING_KEY, STOREFRONT_TRUSTED_PROXIES), as the deployment sets them.
 */
@ConfigMapping(prefix = "storefront")
public interface WebConfig {

    /**
     * Key for signing cookies (cart, CSRF); at least 32 characters, the same on every instance. Rotating it
     * signs guests out of their carts, nothing worse. No default in production: a key everybody knows signs nothing.
     */
    @Size(min = 32, message = "must be at least 32 characters (e.g. openssl rand -base64 48)")
    String signingKey();

    /**
     * Largest request body the storefront reads (forms, JSON); larger ones get a 413 with a message. 1 MiB is far
     * above any form or order and keeps a single request from tying up memory. The HTTP server's own limit is set
     * from it in application.properties.
     */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /**
     * Proxies allowed to say who the client is (X-Forwarded-For, X-Forwarded-Proto): IP addresses or CIDR blocks.
     * The default (loopback and the private RFC 1918 ranges) works behind a load balancer in a private network; narrow
     * it to the ALB's subnets in production. Connections from anywhere else are taken at face value.
     */
    @WithDefault("127.0.0.1,::1,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16")
    List<String> trustedProxies();

    /**
     * Public base URL of the CDN in front of the static files (the CloudFront distribution's https://… address,
     * without a trailing slash), which the pages then link CSS and icons from; unset (dev, test) the app's own
     * {@code /assets/…} URLs are linked. The content security policy allows it for styles and images.
     */
    Optional<@Pattern(regexp = "https://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?",
            message = "must be an https:// URL such as https://d111111abcdef8.cloudfront.net") String> assetsBaseUrl();

    /**
     * How long a shared cache (CloudFront) may answer a catalog page without asking the shop again (s-maxage). 0, the
     * default, has it revalidate every request with If-None-Match, which the shop answers from memory with a 304
     * while the catalog is unchanged: a price or stock change is then seen at once everywhere. Longer takes load off
     * the shop at the price of catalog changes showing that much later.
     */
    @WithDefault("0s")
    Duration catalogPagesSharedMaxAge();

    /**
     * While Redis is unreachable, how often it is tried again in the background (one PING); requests meanwhile skip it
     * at once rather than each waiting for a refused connection or a timeout. One second keeps the outage a shopper
     * sees within a second or two of Redis's own, for one PING a second per instance.
     */
    @WithDefault("1s")
    Duration redisRetryInterval();
}
