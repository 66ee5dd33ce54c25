package shop.storefront.catalog.internal.web;

import io.vertx.core.http.HttpVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import shop.storefront.platform.Digests;

/**
 * A catalog page rendered once for everybody, in both forms it is sent in: plain and gzip-compressed. {@code tag} is
 * the catalog version it was rendered at ({@link shop.storefront.catalog.internal.service.PageVersions}). The ETag is
 * weak because the two forms share it: they are the same page, byte for byte once unpacked, and a cache revalidating
 * either copy gets the same answer.
 */
record RenderedPage(String tag, String etag, byte[] identity, byte[] gzip) {

    static final String CONTENT_TYPE = "text/html;charset=UTF-8";

    static RenderedPage of(String tag, String html) {
        byte[] identity = html.getBytes(StandardCharsets.UTF_8);
        return new RenderedPage(tag, "W/\"" + Digests.sha256Hex(html).substring(0, 32) + "\"", identity, gzip(identity));
    }

    /** What the page takes in memory, near enough to bound the store by. */
    int weight() {
        return identity.length + gzip.length + 200;
    }

    /** Whether an If-None-Match header names this page (weak comparison, as RFC 9110 asks for GET). */
    boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = etag.substring(2);
        for (String candidate : ifNoneMatch.split(",")) {
            String tagged = candidate.strip();
            if (tagged.equals("*") || (tagged.startsWith("W/") ? tagged.substring(2) : tagged).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether to send the stored gzip copy: where the client takes gzip, over HTTP/1.x only. Over HTTP/2 (h2c) the
     * server's compressor gzips whatever body says "Content-Encoding: gzip", so there the plain copy goes out and the
     * server compresses it as it does any page.
     */
    static boolean sendGzip(HttpVersion version, String acceptEncoding) {
        return version != HttpVersion.HTTP_2 && acceptsGzip(acceptEncoding);
    }

    /** Whether an Accept-Encoding header takes gzip ("gzip" or "*", at a weight above zero). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        boolean star = false;
        for (String item : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] parts = item.split(";");
            String coding = parts[0].strip();
            boolean refused = parts.length > 1 && parts[1].strip().matches("q\\s*=\\s*0(\\.0*)?");
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                return !refused;
            }
            star |= coding.equals("*") && !refused;
        }
        return star;
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
