package shop.storefront.platform;

/** A provider the action depends on (payments, refunds) failed; nothing was changed on our side. */
public final class ProviderFailed extends DomainException {

    public ProviderFailed(String message) {
        super(null, message);
    }
}
