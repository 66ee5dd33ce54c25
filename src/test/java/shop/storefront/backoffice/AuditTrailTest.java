package shop.storefront.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import org.junit.jupiter.api.Test;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.web.Shopper;

@QuarkusTest
class AuditTrailTest {

    @Inject
    AuditTrail audit;
    @Inject
    CatalogOracle db;

    @Test
    void anEntryIsOnlyWrittenInsideTheChangesTransaction() {
        assertThatThrownBy(() -> audit.record("test.outside", "nothing", ""))
                .isInstanceOf(TransactionalException.class);
    }

    @Test
    void theTrailShowsWhoDidWhatEscapedAndFilteredBySubject() {
        String subject = "<b>SKU-" + System.nanoTime() + "</b>";
        db.update("INSERT INTO backoffice.audit_entry (actor_id, actor, action, subject, detail) VALUES ('7', 'boss@example.com', 'stock.adjusted', ?, '+5 (delivery)')",
                subject);
        Shopper admin = Staff.signedInAdmin(db).browser();
        String page = admin.request().accept("text/html").queryParam("subject", subject).get("/admin/audit").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("boss@example.com", "stock.adjusted", "+5 (delivery)", "&lt;b&gt;SKU-").doesNotContain(subject);
        String other = admin.request().accept("text/html").queryParam("subject", "no-such-subject").get("/admin/audit").asString();
        assertThat(other).doesNotContain("boss@example.com").contains("No staff action recorded");
    }
}
