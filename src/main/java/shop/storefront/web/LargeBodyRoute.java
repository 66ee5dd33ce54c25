package shop.storefront.web;

/**
 * A route that takes a larger request body than {@code storefront.max-body-size} (a file upload). A module offers one
 * as an {@code @ApplicationScoped} bean; the web edge then lets bodies up to {@link #maxBodySize()} through on that
 * route and refuses larger ones before reading them, with {@link #tooLarge()} as the message (the site's error page,
 * or problem+json under {@code /api}). Every other route keeps the site-wide limit.
 */
public interface LargeBodyRoute {

    /** Whether a request with this method and (normalised) path is for this route. */
    boolean receives(String method, String path);

    /** The largest body this route reads, in bytes. */
    long maxBodySize();

    /** What a refused sender is told; names the limit in words a person acts on. */
    String tooLarge();

    /** The setting {@link #maxBodySize()} derives from, named when the server's own limit is set below it. */
    String setting();
}
