package shop.storefront.checkout.internal.service;

import java.time.Instant;
import java.util.List;
import shop.storefront.checkout.internal.domain.CustomerOrder;
import shop.storefront.checkout.internal.domain.OrderStatus;
import shop.storefront.platform.Money;

/** An order as the shopper sees it, on pages and in the API. */
public record OrderView(String number, String status, String statusLabel, Instant placedAt, String email, List<Line> lines,
        Address shipTo, String shippingMethod, String paymentMethod, String paymentInstructions, Money goods,
        Money shipping, String vatRate, boolean pricesIncludeVat, Money vat, Money total, List<Step> history) {

    public record Line(String sku, String productSlug, String productName, String label, Money unitPrice, int quantity,
            Money lineTotal) {
    }

    public record Address(String fullName, String line1, String line2, String city, String postalCode, String country,
            String phone) {
    }

    public record Step(String status, String statusLabel, Instant at, String note) {
    }

    static OrderView of(CustomerOrder o, String paymentLabel, String paymentInstructions) {
        return new OrderView(o.number, o.status.code(), o.status.label(), o.placedAt, o.email,
                o.lines.stream().map(l -> new Line(l.sku, l.productSlug, l.productName, l.label, o.money(l.unitPrice),
                        l.quantity, o.money(l.lineTotal))).toList(),
                new Address(o.shipTo.fullName, o.shipTo.line1, o.shipTo.line2, o.shipTo.city, o.shipTo.postalCode,
                        o.shipTo.country, o.shipTo.phone),
                o.shippingLabel, paymentLabel, paymentInstructions, o.money(o.subtotal), o.money(o.shippingCost),
                o.vatRate.stripTrailingZeros().toPlainString(), o.pricesIncludeVat, o.money(o.vat), o.money(o.total),
                o.history.stream().map(h -> new Step(h.status.code(), h.status.label(), h.changedAt, h.note)).toList());
    }

    /** The {@link #status()} code as the status it names. */
    public OrderStatus orderStatus() {
        return OrderStatus.ofCode(status);
    }

    public int itemCount() {
        return lines.stream().mapToInt(Line::quantity).sum();
    }

    public String path() {
        return "/orders/" + number;
    }
}
