package shop.storefront.platform;

import java.util.Locale;

/**
 * Typed search text as a LIKE pattern that finds it anywhere in a lower-cased column: the text's own {@code %} and
 * {@code _} are matched literally. Queries pass the pattern as a parameter and say {@code escape '!'}
 * ({@link #ESCAPE_CLAUSE}); '!' rather than a backslash, which HQL and SQL literals would each want escaped.
 */
public final class LikePattern {

    public static final String ESCAPE_CLAUSE = "escape '!'";
    private static final char ESCAPE = '!';

    private LikePattern() {
    }

    /** E.g. {@code 50%_Off} → {@code %50!%!_off%}. */
    public static String containing(String text) {
        StringBuilder pattern = new StringBuilder("%");
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                pattern.append(ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
