package shop.storefront.platform;

/** Too many attempts in a short time; trying again makes sense after {@link #retryAfterSeconds()}. */
public final class TooManyAttempts extends DomainException {

    private final long retryAfterSeconds;

    public TooManyAttempts(long retryAfterSeconds) {
        super(null, "Too many attempts. Try again in " + retryAfterSeconds + " second" + (retryAfterSeconds == 1 ? "" : "s") + ".");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
