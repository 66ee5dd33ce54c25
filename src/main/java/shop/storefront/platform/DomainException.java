package shop.storefront.platform;

/**
 * What went wrong, in the domain's words, with no HTTP in it. Every refusal a module raises is one of these
 * kinds (or a subclass in the module's own words, such as {@code SoldOut}); the web edge's status table
 * ({@code web.ErrorStatus}) switches over this sealed family, so a new kind cannot be added without deciding
 * how every edge answers it.
 */
public sealed abstract class DomainException extends RuntimeException
        permits NotFound, InvalidInput, Refused, PaymentDeclined, TooManyAttempts, NotSignedIn, NotPermitted,
        AlreadyPlaced, ProviderFailed, TemporarilyUnavailable {

    private final String field;

    protected DomainException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The form field, JSON property or parameter the refusal is about, or null when it is about the request as a whole. */
    public String field() {
        return field;
    }

    /** Refusals are expected answers, not failures: no stack trace to fill in. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
