package shop.storefront.web.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import shop.storefront.platform.Digests;

/**
 * The site's own static files (CSS, icons, scripts) under content-fingerprinted URLs such as
 * {@code /assets/3f2a9c1d7e/css/site.css}: a new release changes the URL of every file it changes, so browsers and the
 * CDN may keep each URL for a year without ever showing a returning visitor last release's CSS. Templates ask for a
 * file's URL with {@code inject:assets.url('/css/site.css')}; the URL starts with the CDN's base URL when one is set.
 */
@ApplicationScoped
@Named("assets")
public class StaticAssets {

    /** Where Quarkus keeps the files it serves as they are. */
    private static final String ROOT = "META-INF/resources";
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}){1,4}");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=UTF-8", "js", "text/javascript; charset=UTF-8", "svg", "image/svg+xml",
            "png", "image/png", "webp", "image/webp", "woff2", "font/woff2");

    /** A file's bytes, its media type and the fingerprint of its content. */
    public record Asset(byte[] bytes, String mediaType, String fingerprint) {
    }

    private final String baseUrl;
    private final Map<String, Optional<Asset>> loaded = new ConcurrentHashMap<>();

    StaticAssets(WebConfig config) {
        this.baseUrl = config.assetsBaseUrl().map(url -> url.replaceAll("/+$", "")).orElse("");
    }

    /** The fingerprinted URL of a static file, e.g. {@code /css/site.css}; fails for a file that does not exist. */
    public String url(String path) {
        Asset asset = find(path).orElseThrow(() -> new IllegalArgumentException("No static file " + path));
        return baseUrl + "/assets/" + asset.fingerprint() + path;
    }

    /** The static file at a path such as {@code /css/site.css}, if there is one of a type we serve. */
    Optional<Asset> find(String path) {
        if (path == null || !SAFE_PATH.matcher(path).matches() || path.contains("..") || mediaType(path).isEmpty()) {
            return Optional.empty();
        }
        Optional<Asset> known = loaded.get(path);
        if (known != null) {
            return known;
        }
        // Only files that exist are remembered: requests for made-up names must not grow the map.
        Optional<Asset> found = load(path);
        found.ifPresent(asset -> loaded.put(path, found));
        return found;
    }

    private static Optional<Asset> load(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(ROOT + path)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            return Optional.of(new Asset(bytes, mediaType(path).orElseThrow(), Digests.sha256Hex(bytes).substring(0, 12)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> mediaType(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.ofNullable(TYPES.get(path.substring(dot + 1)));
    }
}
