package shop.storefront.platform;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An e-mail address the mailer delivers to exactly as written: a bare addr-spec with an ASCII dot-atom local part
 * and a domain of DNS host-name labels ending in a top-level domain, trimmed and lower-cased. Display names,
 * comments, quoted local parts, address lists, angle brackets, domain literals, whitespace and control characters
 * are refused, because the mail client reads those as "send somewhere else" (a name with {@code <other@host>}, a
 * comment) or fails on every send (a comma).
 */
public final class EmailAddress {

    /** The longest address accepted (RFC 5321's path limit less the angle brackets), also the database column's. */
    public static final int MAX_LENGTH = 254;
    static final int MAX_LOCAL_PART = 64;
    static final String INVALID = "Enter an e-mail address such as name@example.com.";
    static final String TOO_LONG = "E-mail addresses can be at most " + MAX_LENGTH + " characters, " + MAX_LOCAL_PART
            + " of them before the @.";

    /**
     * Local-part characters: letters, digits and the RFC 5322 atext symbols except {@code %} and {@code !}, which some
     * relays still read as source routes ({@code user%other.host@relay}, {@code host!user}) and forward elsewhere.
     */
    private static final String ATOM = "[a-z0-9#$&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
    /** A top-level domain starts with a letter, so a numeric address such as 10.0.0.1 is not a domain. */
    private static final String TOP_LEVEL = "[a-z](?:[a-z0-9-]{0,61}[a-z0-9])";
    private static final Pattern ADDR_SPEC = Pattern.compile(
            "(" + ATOM + "(?:\\." + ATOM + ")*)@(?:" + LABEL + "\\.)+" + TOP_LEVEL);

    private final String value;

    private EmailAddress(String value) {
        this.value = value;
    }

    /**
     * The address in normal form, or an {@link InvalidFieldException} for the field {@code email}. Also the
     * converter for settings of this type.
     */
    public static EmailAddress parse(String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.length() > MAX_LENGTH) {
            throw new InvalidFieldException("email", TOO_LONG);
        }
        // Checked before lower-casing: some non-ASCII letters lower-case to ASCII ones (KELVIN SIGN to k).
        if (!stripped.chars().allMatch(c -> c < 0x80)) {
            throw new InvalidFieldException("email", INVALID);
        }
        String normal = stripped.toLowerCase(Locale.ROOT);
        Matcher matcher = ADDR_SPEC.matcher(normal);
        if (!matcher.matches()) {
            throw new InvalidFieldException("email", INVALID);
        }
        if (matcher.group(1).length() > MAX_LOCAL_PART) {
            throw new InvalidFieldException("email", TOO_LONG);
        }
        return new EmailAddress(normal);
    }

    /** Trimmed and lower-cased, as stored and as given to the mailer. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmailAddress e && e.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
