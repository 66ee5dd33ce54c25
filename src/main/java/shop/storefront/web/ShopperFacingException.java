package shop.storefront.web;

/**
 * A request the storefront refuses for a reason the shopper can act on. Becomes a response with this
 * status and message: an HTML page for browsers, problem+json under /api. Modules extend it.
 */
public class ShopperFacingException extends RuntimeException {

    private final int status;
    private final String parameter;
    private final Long retryAfterSeconds;

    public ShopperFacingException(int status, String parameter, String message) {
        this(status, parameter, message, null);
    }

    /** @param retryAfterSeconds sent as Retry-After (e.g. with 429), or null */
    public ShopperFacingException(int status, String parameter, String message, Long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.parameter = parameter;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds after which trying again makes sense, or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    /** Name of the offending parameter or field, or null when the request as a whole is refused. */
    public String parameter() {
        return parameter;
    }
}
