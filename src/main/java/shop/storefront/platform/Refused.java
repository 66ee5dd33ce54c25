package shop.storefront.platform;

/**
 * The input is fine but the current state of things does not allow the action: sold out, cart empty, a limit
 * reached, an order not in a status that allows it. Modules name their frequent cases as subclasses.
 */
public non-sealed class Refused extends DomainException {

    public Refused(String field, String message) {
        super(field, message);
    }

    public Refused(String message) {
        super(null, message);
    }
}
