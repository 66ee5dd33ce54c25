package shop.storefront.web;

/**
 * Input a person got wrong: becomes a 400 with this message, as an HTML page for browsers and as
 * problem+json under /api. The message is shown to the shopper, so it says what to do, in plain words.
 */
public class InvalidInputException extends RuntimeException {

    private final String parameter;

    public InvalidInputException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** Name of the offending query parameter or field, or null when the input as a whole is wrong. */
    public String parameter() {
        return parameter;
    }
}
