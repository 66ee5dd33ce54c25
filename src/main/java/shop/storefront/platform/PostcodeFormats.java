package shop.storefront.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The postcode formats of the countries the store may deliver to, read from {@code platform/postcode-formats.properties}
 * (Google's address metadata; the file names its source, version and licence).
 */
public final class PostcodeFormats {

    static final String RESOURCE = "platform/postcode-formats.properties";
    private static final Map<String, PostcodeFormat> FORMATS = load();

    private PostcodeFormats() {
    }

    /** The format of a country (ISO 3166-1 alpha-2, upper case), if the data has one. */
    public static Optional<PostcodeFormat> of(String country) {
        return Optional.ofNullable(FORMATS.get(country));
    }

    /** The codes among these that the data has no format for, in their order. */
    public static List<String> missing(Collection<String> countries) {
        return countries.stream().filter(code -> !FORMATS.containsKey(code)).toList();
    }

    private static Map<String, PostcodeFormat> load() {
        Properties data = new Properties();
        try (InputStream in = PostcodeFormats.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            data.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, PostcodeFormat> formats = new HashMap<>();
        for (String key : data.stringPropertyNames()) {
            if (key.endsWith(".pattern")) {
                String country = key.substring(0, key.indexOf('.'));
                formats.put(country, new PostcodeFormat(country, data.getProperty(key), data.getProperty(country + ".example"),
                        !"false".equals(data.getProperty(country + ".required")), data.getProperty(country + ".prefix")));
            }
        }
        return Map.copyOf(formats);
    }
}
