package shop.storefront.platform;

/** The person is not (or no longer) signed in as the customer the action needs, or the credentials did not match. */
public final class NotSignedIn extends DomainException {

    public NotSignedIn(String message) {
        super(null, message);
    }
}
