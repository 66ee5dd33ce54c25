package shop.storefront.web.internal;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The grammar of {@code Content-Type} and of the {@code Accept} family (RFC 9110 §8.3, §12.5), checked before the
 * framework parses them: its parsers throw on some malformed values, which would surface as a server error.
 */
final class MediaTypeSyntax {

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String QUOTED = "\"(?:[\\t \\x21\\x23-\\x5B\\x5D-\\x7E]|\\\\[\\t \\x21-\\x7E])*\"";
    private static final String PARAMETER = "[ \\t]*;[ \\t]*" + TOKEN + "=(?:" + TOKEN + "|" + QUOTED + ")";
    private static final Pattern MEDIA_TYPE = Pattern.compile(TOKEN + "/" + TOKEN + "(?:" + PARAMETER + ")*[ \\t]*");
    private static final Pattern Q_VALUE = Pattern.compile("(?i).*;[ \\t]*q=(?!(?:0(?:\\.\\d{0,3})?|1(?:\\.0{0,3})?)(?:[ \\t;]|$)).*");
    private static final Pattern PARAMETERS = Pattern.compile(PARAMETER);
    private static final String WEIGHT = "(?:[ \\t]*;[ \\t]*[qQ]=(?:0(?:\\.\\d{0,3})?|1(?:\\.0{0,3})?))?";
    /** Accept-Language, Accept-Encoding, Accept-Charset: a value and at most a weight, per list element. */
    static final Pattern LANGUAGE_RANGE = Pattern.compile("(?:\\*|[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)" + WEIGHT);
    static final Pattern WEIGHTED_TOKEN = Pattern.compile(TOKEN + WEIGHT);
    private static final int MAX_LENGTH = 1024;

    private MediaTypeSyntax() {
    }

    /** A whole Accept header: media ranges separated by commas, each with a q-value from 0 to 1 if any. */
    static boolean validAccept(String header) {
        if (header.length() > MAX_LENGTH * 4) {
            return false;
        }
        for (String range : header.split(",", -1)) {
            String trimmed = range.strip();
            if (!trimmed.isEmpty() && (!MEDIA_TYPE.matcher(trimmed).matches() || Q_VALUE.matcher(trimmed).matches())) {
                return false;
            }
        }
        return true;
    }

    /** A comma-separated list whose every element matches the pattern (empty elements allowed, as RFC 9110 says). */
    static boolean validList(String header, Pattern element) {
        if (header.length() > MAX_LENGTH * 4) {
            return false;
        }
        for (String item : header.split(",", -1)) {
            String trimmed = item.strip();
            if (!trimmed.isEmpty() && !element.matcher(trimmed).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Why a Content-Type cannot be used, or null when it can. */
    static String contentTypeProblem(String header) {
        String value = header.strip();
        if (value.isEmpty() || value.length() > MAX_LENGTH || !MEDIA_TYPE.matcher(value).matches()) {
            return "The Content-Type header is not a media type such as application/json.";
        }
        String lower = value.toLowerCase(Locale.ROOT);
        String charset = parameter(value, "charset");
        if (charset != null && !supported(charset)) {
            return "The Content-Type header names a character set this shop does not read: use UTF-8.";
        }
        if (lower.startsWith("multipart/")) {
            String boundary = parameter(value, "boundary");
            if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
                return "A multipart body needs a boundary of 1 to 70 characters in its Content-Type header.";
            }
        }
        return null;
    }

    private static String parameter(String mediaType, String name) {
        var matcher = PARAMETERS.matcher(mediaType);
        while (matcher.find()) {
            String parameter = matcher.group().strip().substring(1).strip();
            int equals = parameter.indexOf('=');
            if (parameter.substring(0, equals).equalsIgnoreCase(name)) {
                String value = parameter.substring(equals + 1);
                return value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }

    private static boolean supported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
