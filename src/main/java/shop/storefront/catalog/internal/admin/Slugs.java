package shop.storefront.catalog.internal.admin;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import shop.storefront.platform.InvalidFieldException;

/** The rule for product addresses (/product/{slug}): lower-case words of letters and digits joined by hyphens. */
final class Slugs {

    static final int MAX_LENGTH = 200;
    /** The same as the database's check on catalog.product.slug. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /** A typed slug, trimmed; refused unless it follows the rule. */
    static String typed(String field, String value) {
        String slug = value == null ? "" : value.strip();
        if (slug.length() > MAX_LENGTH || !SLUG.matcher(slug).matches()) {
            throw new InvalidFieldException(field, "Use lower-case letters, digits and single hyphens between words"
                    + " (e.g. trail-running-jacket), at most " + MAX_LENGTH + " characters.");
        }
        return slug;
    }

    /** The slug a name suggests ("Crème Brûlée Pan" → "creme-brulee-pan"); empty when the name has no letters or digits. */
    static String fromName(String name) {
        String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        String slug = NOT_ALPHANUMERIC.matcher(plain).replaceAll("-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug;
    }
}
