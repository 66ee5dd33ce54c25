package shop.storefront.platform;

/**
 * A value that breaks one of the shared field rules ({@link EmailAddress}, {@link FieldText}, …): which field and
 * what to change, in plain words. It carries no HTTP status because the rules also check configuration and
 * stored data; the web edge answers it with a 400 naming the field.
 */
public class InvalidFieldException extends IllegalArgumentException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The form field or JSON property the value came in, e.g. {@code email}. */
    public String field() {
        return field;
    }
}
