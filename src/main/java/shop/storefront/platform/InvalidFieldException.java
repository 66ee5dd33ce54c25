package shop.storefront.platform;

/**
 * A value that breaks one of the shared field rules ({@link EmailAddress}, {@link FieldText}, …): which field and
 * what to change, in plain words. The rules also check configuration and stored data, so it says nothing about
 * how an edge answers it; the web edge answers every {@link InvalidInput} with a 400 naming the field.
 */
public class InvalidFieldException extends InvalidInput {

    public InvalidFieldException(String field, String message) {
        super(field, message);
    }
}
