package shop.storefront.platform;

/** A value the person got wrong; the message says what to change, {@link #field()} which value it was. */
public non-sealed class InvalidInput extends DomainException {

    public InvalidInput(String field, String message) {
        super(field, message);
    }
}
