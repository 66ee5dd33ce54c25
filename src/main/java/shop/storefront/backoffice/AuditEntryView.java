package shop.storefront.backoffice;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One line of the audit trail as shown to staff. */
public record AuditEntryView(Instant at, String actor, String action, String subject, String detail) {

    private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** The time as staff read it, in UTC to the second. */
    public String when() {
        return UTC_SECONDS.format(at);
    }
}
