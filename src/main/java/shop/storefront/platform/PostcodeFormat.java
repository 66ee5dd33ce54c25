package shop.storefront.platform;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one country writes its postcodes (from {@link PostcodeFormats}' data): the check every address form applies to
 * the postcode once the country is known, and the form it is stored in.
 */
public final class PostcodeFormat {

    static final int MAX_LENGTH = 20;
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Where the data's pattern allows a space; captured so a missing one can be written in. */
    private static final String OPTIONAL_SPACE = " ?";

    private final String country;
    private final Pattern pattern;
    private final String example;
    private final boolean required;
    private final String prefix;
    private final int optionalSpaces;

    PostcodeFormat(String country, String pattern, String example, boolean required, String prefix) {
        this.country = country;
        this.optionalSpaces = pattern.split(Pattern.quote(OPTIONAL_SPACE), -1).length - 1;
        this.pattern = Pattern.compile(example.contains(" ") ? capturingOptionalSpaces(pattern) : pattern);
        this.example = example;
        this.required = required;
        this.prefix = prefix;
        if (!this.pattern.matcher(example).matches()) {
            throw new IllegalStateException("The postcode example " + example + " for " + country + " does not fit its pattern");
        }
    }

    /**
     * The postcode as stored: trimmed, upper-cased, runs of spaces made one, the country prefix (e.g. {@code SE-})
     * taken off, and the space the usual form writes put in where it was left out ({@code sw1a1aa} →
     * {@code SW1A 1AA}); empty when none is needed and none was typed. Otherwise an {@link InvalidFieldException} for
     * {@code postalCode} saying what this country's postcodes look like.
     */
    public String normalise(String typed) {
        String text = FieldText.optional("postalCode", "Postcode", typed, MAX_LENGTH);
        String code = SPACES.matcher(text).replaceAll(" ").toUpperCase(Locale.ROOT);
        if (prefix != null && code.startsWith(prefix)) {
            code = code.substring(prefix.length()).strip();
        }
        if (code.isEmpty()) {
            if (required) {
                throw new InvalidFieldException("postalCode", "Postcode is required.");
            }
            return code;
        }
        Matcher matcher = pattern.matcher(code);
        if (!matcher.matches()) {
            throw new InvalidFieldException("postalCode",
                    "Enter a postcode like " + example + " for " + Countries.nameInSentence(country) + ".");
        }
        return withUsualSpaces(matcher, code);
    }

    public String example() {
        return example;
    }

    public boolean required() {
        return required;
    }

    private String withUsualSpaces(Matcher matcher, String code) {
        if (matcher.groupCount() == 0 || !example.contains(" ")) {
            return code;
        }
        StringBuilder spaced = new StringBuilder(code);
        for (int i = optionalSpaces - 1; i >= 0; i--) {
            int at = matcher.start("space" + i);
            if (at >= 0 && matcher.end("space" + i) == at) {
                spaced.insert(at, ' ');
            }
        }
        return spaced.toString();
    }

    /** The pattern with each optional space a named group, so the matcher says where a left-out space belongs. */
    private static String capturingOptionalSpaces(String pattern) {
        String[] parts = pattern.split(Pattern.quote(OPTIONAL_SPACE), -1);
        StringBuilder capturing = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            capturing.append("(?<space").append(i - 1).append("> ?)").append(parts[i]);
        }
        return capturing.toString();
    }
}
