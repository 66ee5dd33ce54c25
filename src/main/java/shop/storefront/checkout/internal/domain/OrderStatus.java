package shop.storefront.checkout.internal.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an order is in its life, and where it may go from there: placed → paid → fulfilled; an unpaid order can be
 * cancelled, a paid or shipped one refunded, and a cancelled one refunded when its payment went through after all.
 */
public enum OrderStatus {
    PLACED("Placed"), PAID("Paid"), FULFILLED("Shipped"), CANCELLED("Cancelled"), REFUNDED("Refunded");

    private final String label;

    OrderStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status a {@link #code()} names. */
    public static OrderStatus ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /**
     * Whether an order in this status may move to {@code next}. A placed order may ship unpaid: methods that are paid
     * on delivery or by invoice have no payment to wait for (the caller checks the method).
     */
    public boolean canTransitionTo(OrderStatus next) {
        return switch (this) {
            case PLACED -> next == PAID || next == FULFILLED || next == CANCELLED;
            case PAID -> next == FULFILLED || next == REFUNDED;
            case FULFILLED, CANCELLED -> next == REFUNDED;
            case REFUNDED -> false;
        };
    }

    /** Placed and not paid yet: the only status a payment can be recorded in. */
    public boolean awaitsPayment() {
        return canTransitionTo(PAID);
    }

    /** The order's stock is still taken from the shelf and not on its way: placed or paid, not shipped or over. */
    public boolean holdsStock() {
        return this == PLACED || this == PAID;
    }

    /**
     * Where cancelling an order in this status leads: an unpaid order is cancelled, a paid or shipped one refunded;
     * empty for an order that is over already.
     */
    public Optional<OrderStatus> whenCancelled() {
        return switch (this) {
            case PLACED -> Optional.of(CANCELLED);
            case PAID, FULFILLED -> Optional.of(REFUNDED);
            case CANCELLED, REFUNDED -> Optional.empty();
        };
    }
}
