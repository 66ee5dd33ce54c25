package shop.storefront.web.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What browsers and shared caches may keep of a page or API answer that did not say so itself (explicit headers, such
 * as those of static assets, images and sitemaps, are left alone):
 * <ul>
 * <li>catalog pages (home, category, product, search): {@value #CATALOG_PAGE} — they carry the mini-cart and a CSRF
 * token, so only this browser may keep them, and it asks again each time so prices and stock stay current;</li>
 * <li>the public catalog API: {@value #CATALOG_API} — the same for everyone, but prices and stock must be current, as
 * the catalog cache is cleared on every change precisely so that readers see it at once;</li>
 * <li>every other page and API answer (cart, checkout, account, orders, sign-in, admin, unknown paths), every error
 * and every redirect: {@value #PERSONAL} — personal data and forms, stored nowhere.</li>
 * </ul>
 * Never {@code public}: no page is the same for everyone yet.
 */
final class CachePolicy {

    static final String CATALOG_PAGE = "private, no-cache";
    static final String CATALOG_API = "no-cache";
    static final String PERSONAL = "no-store";

    private static final Pattern CATALOG_PAGES = Pattern.compile("/|/search|/(category|product)/[^/]+");
    private static final Pattern CATALOG_CALLS = Pattern.compile("/api/v1/(categories|products)(/[^/]+)?|/api/v1/search");

    private CachePolicy() {
    }

    /** The Cache-Control for an answer without one; empty where the policy has nothing to say (e.g. an image). */
    static Optional<String> cacheControl(String method, String path, int status, String mediaType) {
        boolean html = "text/html".equals(mediaType);
        boolean api = path.startsWith("/api/");
        boolean redirect = status >= 300 && status < 400 && status != 304;
        if (!html && !api && !redirect) {
            return Optional.empty();
        }
        boolean read = ("GET".equals(method) || "HEAD".equals(method)) && status < 300;
        if (read && html && CATALOG_PAGES.matcher(path).matches()) {
            return Optional.of(CATALOG_PAGE);
        }
        if (read && api && CATALOG_CALLS.matcher(path).matches()) {
            return Optional.of(CATALOG_API);
        }
        return Optional.of(PERSONAL);
    }
}
