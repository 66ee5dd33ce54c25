package shop.storefront.backoffice.internal;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import shop.storefront.backoffice.AuditEntryView;
import shop.storefront.backoffice.AuditTrail;
import shop.storefront.platform.NotSignedIn;

/** The audit trail in the back office's own table, in the caller's transaction. */
@ApplicationScoped
class RecordedAuditTrail implements AuditTrail {

    private static final Pattern ACTION = Pattern.compile("[a-z]+(\\.[a-z-]+)+");

    private final SecurityIdentity identity;

    RecordedAuditTrail(SecurityIdentity identity) {
        this.identity = identity;
    }

    /**
     * MANDATORY: an entry written in a transaction of its own could survive a change that rolled back, or be lost
     * with one that committed.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String subject, String detail) {
        if (!ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("Audit action must be a dotted lower-case name: " + action);
        }
        if (identity.isAnonymous()) {
            // Every back-office route requires a signed-in admin; reaching this without one is a programming error.
            throw new NotSignedIn("Sign in as staff to make changes.");
        }
        AuditEntry entry = new AuditEntry();
        entry.at = Instant.now();
        entry.actorId = identity.getPrincipal().getName();
        entry.actor = actor();
        entry.action = action;
        entry.subject = clip(subject, 200);
        entry.detail = clip(detail == null ? "" : detail, 1000);
        entry.persist();
    }

    @Override
    public String actor() {
        if (identity.isAnonymous()) {
            // Every back-office route requires a signed-in admin; reaching this without one is a programming error.
            throw new NotSignedIn("Sign in as staff to make changes.");
        }
        String email = identity.getAttribute("email");
        return email == null ? identity.getPrincipal().getName() : email;
    }

    @Override
    public List<AuditEntryView> latest(String subject, int limit) {
        var query = subject == null || subject.isBlank()
                ? AuditEntry.<AuditEntry>findAll(Sort.descending("at", "id"))
                : AuditEntry.<AuditEntry>find("subject", Sort.descending("at", "id"), subject.strip());
        return query.page(Page.ofSize(limit)).list().stream()
                .map(e -> new AuditEntryView(e.at, e.actor, e.action, e.subject, e.detail))
                .toList();
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
