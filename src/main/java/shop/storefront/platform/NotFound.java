package shop.storefront.platform;

/** The thing asked for does not exist, or not for the person asking (an order of someone else's). */
public non-sealed class NotFound extends DomainException {

    public NotFound(String message) {
        super(null, message);
    }

    public NotFound(String field, String message) {
        super(field, message);
    }
}
