package shop.storefront.platform;

/** The request repeats one that already took effect in a way that cannot be replayed (its key placed another order). */
public final class AlreadyPlaced extends DomainException {

    public AlreadyPlaced(String field, String message) {
        super(field, message);
    }
}
