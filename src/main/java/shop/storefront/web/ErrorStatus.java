package shop.storefront.web;

import shop.storefront.platform.AlreadyPlaced;
import shop.storefront.platform.DomainException;
import shop.storefront.platform.InvalidInput;
import shop.storefront.platform.NotFound;
import shop.storefront.platform.NotPermitted;
import shop.storefront.platform.NotSignedIn;
import shop.storefront.platform.PaymentDeclined;
import shop.storefront.platform.ProviderFailed;
import shop.storefront.platform.Refused;
import shop.storefront.platform.TemporarilyUnavailable;
import shop.storefront.platform.TooManyAttempts;

/**
 * The one table from a domain refusal to an HTTP status. Pages and the API both answer with it, so a page that
 * shows a form again with the message uses the same status the API would send.
 */
public final class ErrorStatus {

    private ErrorStatus() {
    }

    public static int of(DomainException e) {
        return switch (e) {
            case InvalidInput ignored -> 400;
            case NotSignedIn ignored -> 401;
            case PaymentDeclined ignored -> 402;
            case NotPermitted ignored -> 403;
            case NotFound ignored -> 404;
            case Refused ignored -> 409;
            case AlreadyPlaced ignored -> 422;
            case TooManyAttempts ignored -> 429;
            case ProviderFailed ignored -> 502;
            case TemporarilyUnavailable ignored -> 503;
        };
    }

    /** Seconds after which trying again makes sense (sent as Retry-After), or null. */
    public static Long retryAfterSeconds(DomainException e) {
        return switch (e) {
            case TooManyAttempts tooMany -> tooMany.retryAfterSeconds();
            case TemporarilyUnavailable unavailable -> unavailable.retryAfterSeconds();
            default -> null;
        };
    }
}
