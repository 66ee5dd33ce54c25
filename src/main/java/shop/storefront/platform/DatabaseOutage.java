package shop.storefront.platform;

import java.sql.SQLException;
import java.util.Set;

/**
 * The one rule for telling that PostgreSQL's primary is out of reach, rather than that a statement was wrong: the
 * connection failed or was lost (SQLSTATE class 08), the server is shutting down or starting (57P01–57P03), or it
 * takes no writes (25006: an instance pointed at a replica, or a primary demoted by a failover). Nothing the request
 * asked for was written; the same request later goes through.
 */
public final class DatabaseOutage {

    /** Long enough for a failover (Aurora: usually under half a minute), short enough to keep a shopper trying. */
    public static final long RETRY_AFTER_SECONDS = 30;
    private static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "25006");

    private DatabaseOutage() {
    }

    /** Whether {@code failure}, or any of its causes, says the database is out of reach. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** What a shopper is told when an order or an account change needs the database while it is out of reach. */
    public static TemporarilyUnavailable orderingPaused() {
        return new TemporarilyUnavailable("Ordering and account changes are paused for a moment while we reconnect to"
                + " our database. Your cart is kept and you can keep browsing; please try again in a minute.",
                RETRY_AFTER_SECONDS);
    }
}
