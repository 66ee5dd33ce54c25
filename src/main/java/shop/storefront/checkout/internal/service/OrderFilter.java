package shop.storefront.checkout.internal.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import shop.storefront.checkout.internal.domain.OrderStatus;

/**
 * Which orders staff want to see: by status (or a stage of work), placement dates as UTC days (both inclusive), text
 * found in the order number or the customer's e-mail, and the page. Null fields do not filter.
 */
public record OrderFilter(Stage stage, LocalDate from, LocalDate to, String search, int page) {

    public static final OrderFilter ALL = new OrderFilter(null, null, null, null, 1);

    /** A status, or the work an order waits for: staff look for "to ship" more often than for a status. */
    public enum Stage {
        PLACED("placed", "Placed"), PAID("paid", "Paid"), FULFILLED("fulfilled", "Shipped"), CANCELLED("cancelled", "Cancelled"),
        REFUNDED("refunded", "Refunded"),
        /** Placed, and its method has a payment window (a transfer or card payment still to come). */
        AWAITING_PAYMENT("awaiting-payment", "Awaiting payment"),
        /** Paid, or placed with a method that ships unpaid (paid on delivery). */
        AWAITING_SHIPPING("awaiting-shipping", "Awaiting shipping");

        private final String code;
        private final String label;

        Stage(String code, String label) {
            this.code = code;
            this.label = label;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        /** The order status this stage is, or empty for a stage of work. */
        public Optional<OrderStatus> status() {
            return Arrays.stream(OrderStatus.values()).filter(s -> s.code().equals(code)).findFirst();
        }

        public static Optional<Stage> ofCode(String code) {
            return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
        }
    }

    public static OrderFilter placedOn(LocalDate day) {
        return new OrderFilter(null, day, day, null, 1);
    }

    public static OrderFilter at(Stage stage) {
        return new OrderFilter(stage, null, null, null, 1);
    }

    /** The filter as a query string for the orders list (without the page when it is the first), e.g. for links. */
    public String queryString(int wantedPage) {
        List<String> parts = new ArrayList<>();
        if (stage != null) {
            parts.add("status=" + stage.code);
        }
        if (from != null) {
            parts.add("from=" + from);
        }
        if (to != null) {
            parts.add("to=" + to);
        }
        if (search != null) {
            parts.add("q=" + URLEncoder.encode(search, StandardCharsets.UTF_8));
        }
        if (wantedPage > 1) {
            parts.add("page=" + wantedPage);
        }
        return String.join("&", parts);
    }

    /** The orders list showing this filter, e.g. {@code /admin/orders?status=paid}. */
    public String listPath() {
        String query = queryString(1);
        return "/admin/orders" + (query.isEmpty() ? "" : "?" + query);
    }
}
