package shop.storefront.checkout.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import shop.storefront.backoffice.AuditTrail;
import shop.storefront.checkout.internal.domain.CustomerOrder;
import shop.storefront.checkout.internal.domain.OrderStatus;
import shop.storefront.checkout.internal.domain.WrongOrderStatus;
import shop.storefront.platform.FieldText;
import shop.storefront.platform.InvalidInput;
import shop.storefront.platform.Refused;

/**
 * What staff do to orders, for the back-office pages and the staff JSON API alike. Each action locks the order, is
 * checked against {@link OrderStatus#canTransitionTo} and the payment method, and writes the order's history (naming
 * the staff member) and the audit trail in the one transaction that makes the change.
 */
@ApplicationScoped
public class StaffOrderActions {

    public static final int NOTE_MAX = 200;

    /** A staff action: its path segment, button text, target status, audit action and the history's standard wording. */
    public enum Action {
        MARK_PAID("mark-paid", "Mark paid", OrderStatus.PAID, "order.marked-paid", "Payment received"),
        FULFIL("fulfil", "Mark shipped", OrderStatus.FULFILLED, "order.fulfilled", "Shipped"),
        CANCEL("cancel", "Cancel order", OrderStatus.CANCELLED, "order.cancelled", "Cancelled by staff"),
        REFUND("refund", "Refund", OrderStatus.REFUNDED, "order.refunded", null);

        private final String path;
        private final String label;
        private final OrderStatus target;
        private final String auditAction;
        private final String standardNote;

        Action(String path, String label, OrderStatus target, String auditAction, String standardNote) {
            this.path = path;
            this.label = label;
            this.target = target;
            this.auditAction = auditAction;
            this.standardNote = standardNote;
        }

        public String path() {
            return path;
        }

        public String label() {
            return label;
        }

        /** The action a path segment names, e.g. "mark-paid". */
        public static Optional<Action> ofPath(String path) {
            return Arrays.stream(values()).filter(a -> a.path.equals(path)).findFirst();
        }
    }

    private final Orders orders;
    private final AuditTrail audit;

    StaffOrderActions(Orders orders, AuditTrail audit) {
        this.orders = orders;
        this.audit = audit;
    }

    /**
     * Does the action. {@code seenStatus}: the status code the staff member saw when choosing
     * the action (a page's form sends it); when the order has moved on since, nothing is done and the refusal says so,
     * so a stale page or a second click cannot act on an order in a state nobody looked at. Null skips that check.
     */
    @Transactional
    public void perform(Action action, String number, String typedNote, String seenStatus) {
        String note = note(typedNote);
        OrderStatus seen = seenStatus(seenStatus);
        CustomerOrder order = Orders.locked(number);
        if (seen != null && seen != order.status) {
            throw new Refused("Order " + number + " changed while you were looking at it: it is "
                    + order.status.label().toLowerCase(Locale.ROOT) + " now. Nothing was done; check it and choose again.");
        }
        apply(action, order, note);
    }

    /**
     * The staff API's cancel: an unpaid order is cancelled, a paid or shipped one refunded
     * ({@link OrderStatus#whenCancelled}).
     */
    @Transactional
    public void cancelOrRefund(String number, String typedNote) {
        String note = note(typedNote);
        CustomerOrder order = Orders.locked(number);
        OrderStatus next = order.status.whenCancelled()
                .orElseThrow(() -> new WrongOrderStatus(number, order.status, OrderStatus.CANCELLED));
        apply(next == OrderStatus.CANCELLED ? Action.CANCEL : Action.REFUND, order,
                note == null ? Action.CANCEL.standardNote : note);
    }

    /** The actions the order allows now, in the order the page offers them. */
    @Transactional
    public List<Action> available(String number) {
        return CustomerOrder.findByNumber(number).map(this::available).orElse(List.of());
    }

    List<Action> available(CustomerOrder order) {
        return Arrays.stream(Action.values()).filter(a -> refusal(a, order).isEmpty()).toList();
    }

    private void apply(Action action, CustomerOrder order, String note) {
        refusal(action, order).ifPresent(refused -> {
            throw refused;
        });
        String by = audit.actor();
        OrderStatus before = order.status;
        String said = note == null ? action.standardNote : note;
        String detail = before.label() + " → " + action.target.label() + (note == null ? "" : "; note: " + note);
        switch (action) {
            case MARK_PAID -> orders.pay(order, null, said, by);
            case FULFIL -> order.moveTo(OrderStatus.FULFILLED, said, by);
            case CANCEL -> orders.cancel(order, said, by);
            case REFUND -> detail += "; " + orders.refund(order, note, by).standardNote();
        }
        audit.record(action.auditAction, order.number, detail);
    }

    /** Why the order does not allow the action now, or empty when it does: one rule for offering and for doing it. */
    private Optional<Refused> refusal(Action action, CustomerOrder order) {
        if (!order.status.canTransitionTo(action.target)) {
            return Optional.of(new WrongOrderStatus(order.number, order.status, action.target));
        }
        if (action == Action.MARK_PAID && !orders.staffMayRecordPayment(order)) {
            return Optional.of(new Refused("Order " + order.number + " is paid by card: Stripe confirms its payment, not staff."));
        }
        if (action == Action.FULFIL && !orders.mayShip(order)) {
            return Optional.of(new Refused("Order " + order.number + " is not paid yet."));
        }
        return Optional.empty();
    }

    /** The staff member's note, or null when none was typed (the history then uses the action's standard wording). */
    private static String note(String typed) {
        String note = FieldText.optional("note", "The note", typed, NOTE_MAX);
        return note.isEmpty() ? null : note;
    }

    private static OrderStatus seenStatus(String code) {
        if (code == null) {
            return null;
        }
        return Arrays.stream(OrderStatus.values()).filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new InvalidInput("seen", "seen must be an order status such as placed or paid."));
    }
}
