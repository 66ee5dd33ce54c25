package shop.storefront.web.internal;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Helpers every template may use. */
@TemplateExtension
public class TemplateExtensions {

    /** For user text placed in a query string; Qute still HTML-escapes the result. */
    static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
