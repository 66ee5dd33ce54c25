package shop.storefront.web;

import jakarta.ws.rs.core.Response;

/**
 * Redirects within the site, written relative. JAX-RS would make a relative location absolute from the request's own
 * Host header, which the client chose; the browser resolves a relative one against the address it really used.
 */
public final class Redirects {

    private Redirects() {
    }

    /** 303 See Other: after a form post, the browser fetches the path with GET (post/redirect/get). */
    public static Response seeOther(String path) {
        return to(303, path);
    }

    /** 302 Found: a page that needs something first (signing in) sends the browser there. */
    public static Response found(String path) {
        return to(302, path);
    }

    private static Response to(int status, String path) {
        if (!path.startsWith("/") || path.startsWith("//")) {
            throw new IllegalArgumentException("Not a path on this site: " + path);
        }
        return Response.status(status).header("Location", path).build();
    }
}
