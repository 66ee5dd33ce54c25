package shop.storefront.platform;

/**
 * The action cannot be done right now, through no fault of the request, and trying again later makes sense: a part
 * the action needs is down (the database's primary, Redis) or this instance is browse-only. Nothing was written.
 * The message says, in shoppers' words, what is paused; the edge adds when to try again.
 */
public final class TemporarilyUnavailable extends DomainException {

    private final long retryAfterSeconds;

    public TemporarilyUnavailable(String message, long retryAfterSeconds) {
        super(null, message);
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("Retry after at least a second, got " + retryAfterSeconds);
        }
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds after which trying again makes sense. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
