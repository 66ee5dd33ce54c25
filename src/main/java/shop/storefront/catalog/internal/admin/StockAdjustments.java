package shop.storefront.catalog.internal.admin;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import shop.storefront.backoffice.AuditTrail;
import shop.storefront.catalog.internal.domain.StockAdjustment;
import shop.storefront.catalog.internal.domain.Variant;
import shop.storefront.catalog.internal.service.InventoryService;
import shop.storefront.platform.FieldText;
import shop.storefront.platform.InvalidFieldException;
import shop.storefront.platform.InvalidFields;
import shop.storefront.platform.NotSignedIn;

/**
 * Stock counted, delivered, damaged or returned, entered by staff as a signed change with a reason. The change goes
 * through the inventory's conditional update (never below zero, never losing a sale made at the same moment), and
 * its trail row and audit entry are written in the same transaction.
 */
@ApplicationScoped
public class StockAdjustments {

    /** More than any shelf holds; a bound keeps a typo from becoming a million units. */
    static final int MAX_DELTA = 100_000;

    private final InventoryService inventory;
    private final AuditTrail audit;
    private final SecurityIdentity identity;

    StockAdjustments(InventoryService inventory, AuditTrail audit, SecurityIdentity identity) {
        this.inventory = inventory;
        this.audit = audit;
        this.identity = identity;
    }

    /** Applies the adjustment and returns the units on hand afterwards. */
    @Transactional
    public int adjust(long productId, long variantId, StockForm form) {
        Variant variant = VariantEditor.find(productId, variantId);
        InvalidFields.Collector errors = new InvalidFields.Collector();
        StockReason reason = errors.check(() -> reason(form.reason()));
        Integer delta = errors.check(() -> delta(form.delta(), reason));
        String note = errors.check(() -> FieldText.optional("note", "The note", form.note(), StockForm.NOTE_MAX));
        if (reason == StockReason.OTHER && note != null && note.isEmpty()) {
            errors.add("note", "Say in the note why the stock changed.");
        }
        errors.throwIfAny();
        if (identity.isAnonymous()) {
            throw new NotSignedIn("Sign in as staff to adjust stock.");
        }
        int after = inventory.adjustStock(variant.sku, delta);
        StockAdjustment row = new StockAdjustment();
        row.variantId = variant.id;
        row.delta = delta;
        row.reason = reason.code;
        row.note = note;
        row.stockAfter = after;
        row.actorId = identity.getPrincipal().getName();
        String email = identity.getAttribute("email");
        row.actor = email == null ? row.actorId : email;
        row.at = Instant.now();
        row.persist();
        audit.record("stock.adjusted", variant.sku, signed(delta) + " (" + StockReason.labelOf(reason.code) + ") → " + after
                + (note.isEmpty() ? "" : ": " + note));
        return after;
    }

    private static StockReason reason(String code) {
        return StockReason.ofCode(code == null ? "" : code.strip())
                .orElseThrow(() -> new InvalidFieldException("reason", "Choose why the stock changes."));
    }

    private static int delta(String typed, StockReason reason) {
        String text = typed == null ? "" : typed.strip();
        int delta;
        try {
            delta = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            delta = 0;
        }
        if (delta == 0 || Math.abs(delta) > MAX_DELTA) {
            throw new InvalidFieldException("delta", "Enter the change in units, e.g. 12 to add or -3 to take off"
                    + " (not 0, at most " + MAX_DELTA + " either way).");
        }
        if (reason != null && reason.sign != 0 && Integer.signum(delta) != reason.sign) {
            throw new InvalidFieldException("delta", reason.label + (reason.sign > 0 ? " adds stock: enter a positive number."
                    : " takes stock off: enter a negative number."));
        }
        return delta;
    }

    static String signed(int delta) {
        return delta > 0 ? "+" + delta : Integer.toString(delta);
    }
}
