package shop.storefront.platform;

/** The person is known but may not do this (e.g. a change requested from another site). */
public final class NotPermitted extends DomainException {

    public NotPermitted(String message) {
        super(null, message);
    }
}
