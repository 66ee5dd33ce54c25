package shop.storefront.web.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What browsers and shared caches may keep of a page or API answer that did not say so itself (explicit headers, such
 * as those of static assets, images and sitemaps, are left alone):
 * <ul>
 * <li>catalog pages (home, category, product, search), and their 304s: {@code public, max-age=0, s-maxage=N,
 * must-revalidate} — they hold nothing about the shopper (the header's personal part comes from
 * {@code /api/v1/shopper}), so CloudFront may keep them; browsers ask again every time (with If-None-Match, answered
 * with a 304 while the catalog is unchanged) so prices and stock stay current. N is
 * {@code storefront.catalog-pages-shared-max-age}, 0 by default: CloudFront then revalidates on every request too,
 * which costs the shop a cheap 304 and keeps every change visible at once, as the shop promises; a larger N lets the
 * CDN answer alone for N seconds at the price of showing an old price or stock level for as long;</li>
 * <li>the public catalog API: {@value #CATALOG_API} — the same for everyone, but prices and stock must be current, as
 * the catalog cache is cleared on every change precisely so that readers see it at once;</li>
 * <li>every other page and API answer (cart, checkout, account, orders, sign-in, admin, unknown paths), every error
 * and every redirect: {@value #PERSONAL} — personal data and forms, stored nowhere.</li>
 * </ul>
 * Only catalog pages are {@code public}: no other answer is the same for everyone.
 */
final class CachePolicy {

    static final String CATALOG_API = "no-cache";
    static final String PERSONAL = "no-store";

    private static final Pattern CATALOG_PAGES = Pattern.compile("/|/search|/(category|product)/[^/]+");
    private static final Pattern CATALOG_CALLS = Pattern.compile("/api/v1/(categories|products)(/[^/]+)?|/api/v1/search");

    private CachePolicy() {
    }

    /** The Cache-Control of catalog pages, for a CDN allowed to keep them for {@code sharedMaxAge}. */
    static String catalogPage(Duration sharedMaxAge) {
        return "public, max-age=0, s-maxage=" + sharedMaxAge.toSeconds() + ", must-revalidate";
    }

    /** The Cache-Control for an answer without one; empty where the policy has nothing to say (e.g. an image). */
    static Optional<String> cacheControl(String method, String path, int status, String mediaType, Duration sharedMaxAge) {
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        if (read && status == 304 && CATALOG_PAGES.matcher(path).matches()) {
            return Optional.of(catalogPage(sharedMaxAge));
        }
        boolean html = "text/html".equals(mediaType);
        boolean api = path.startsWith("/api/");
        boolean redirect = status >= 300 && status < 400 && status != 304;
        if (!html && !api && !redirect) {
            return Optional.empty();
        }
        read &= status < 300;
        if (read && html && CATALOG_PAGES.matcher(path).matches()) {
            return Optional.of(catalogPage(sharedMaxAge));
        }
        if (read && api && CATALOG_CALLS.matcher(path).matches()) {
            return Optional.of(CATALOG_API);
        }
        return Optional.of(PERSONAL);
    }
}
