package shop.storefront.platform;

/** The payment provider declined the payment; nothing was bought and the shopper may choose another method. */
public final class PaymentDeclined extends DomainException {

    public PaymentDeclined(String field, String message) {
        super(field, message);
    }
}
