package shop.storefront.web.internal;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import shop.storefront.platform.Countries;

/** Helpers every template may use. */
@TemplateExtension
public class TemplateExtensions {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);

    /** For user text placed in a query string; Qute still HTML-escapes the result. */
    static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A moment as shoppers read it, e.g. "23 Nov 2026, 14:05 UTC" (stored and shown in UTC until time zones arrive). */
    static String display(Instant instant) {
        return DISPLAY.format(instant);
    }

    /** A country's English name from its ISO code, e.g. "NL" → "Netherlands". */
    static String countryName(String code) {
        return Countries.name(code);
    }
}
