package shop.storefront.checkout.internal.domain;

/** Where an order is in its life: placed → paid → fulfilled, or cancelled / refunded. */
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
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
