package shop.storefront.backoffice.internal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import shop.storefront.backoffice.AuditEntryView;
import shop.storefront.backoffice.AuditTrail;
import shop.storefront.backoffice.DashboardSection;
import shop.storefront.platform.FieldText;

/** The back office's home (every module's dashboard section) and the audit trail. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("admin")
public class BackOfficePages {

    private static final int AUDIT_PAGE_SIZE = 200;

    /** A section as rendered: figures read once per page view. */
    public record SectionView(String heading, List<DashboardSection.Line> lines, String whenEmpty) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(List<SectionView> sections);

        static native TemplateInstance audit(List<AuditEntryView> entries, String subject);
    }

    private final Instance<DashboardSection> sections;
    private final AuditTrail audit;

    BackOfficePages(Instance<DashboardSection> sections, AuditTrail audit) {
        this.sections = sections;
        this.audit = audit;
    }

    @GET
    @Transactional
    public TemplateInstance dashboard() {
        List<SectionView> views = sections.stream()
                .sorted(Comparator.comparingInt(DashboardSection::position))
                .map(s -> new SectionView(s.heading(), s.lines(), s.whenEmpty()))
                .toList();
        return Templates.dashboard(views);
    }

    @GET
    @Path("audit")
    @Transactional
    public TemplateInstance audit(@QueryParam("subject") String subject) {
        String wanted = FieldText.optional("subject", "The subject", subject, 200);
        return Templates.audit(audit.latest(wanted, AUDIT_PAGE_SIZE), wanted);
    }
}
