package shop.storefront.platform;

/**
 * The rule for typed free text such as names and address lines: trimmed, at most so many characters, and no
 * control characters (they would break e-mails, labels and logs). Refusals name the field and its label.
 */
public final class FieldText {

    private FieldText() {
    }

    /** The trimmed text, never null; empty when nothing was typed. */
    public static String optional(String field, String label, String value, int maxLength) {
        String text = value == null ? "" : value.strip();
        if (text.length() > maxLength || text.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidFieldException(field, label + " can be at most " + maxLength + " characters, without control characters.");
        }
        return text;
    }

    /** The trimmed text, which must not be empty. */
    public static String required(String field, String label, String value, int maxLength) {
        String text = optional(field, label, value, maxLength);
        if (text.isEmpty()) {
            throw new InvalidFieldException(field, label + " is required.");
        }
        return text;
    }

    /**
     * Typed text of several lines, such as a description: trimmed, line ends made {@code \n}, at most so many
     * characters; line breaks and tabs are its only control characters.
     */
    public static String optionalLines(String field, String label, String value, int maxLength) {
        String text = value == null ? "" : value.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (text.length() > maxLength || text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new InvalidFieldException(field, label + " can be at most " + maxLength + " characters, without control characters.");
        }
        return text;
    }

    /**
     * What someone typed, to show back in a form after a refusal: never null, and cut to {@code maxLength} so a
     * huge post is not rendered back whole. Not a check: the value is shown, not kept.
     */
    public static String echo(String typed, int maxLength) {
        return typed == null ? "" : typed.length() > maxLength ? typed.substring(0, maxLength) : typed;
    }
}
