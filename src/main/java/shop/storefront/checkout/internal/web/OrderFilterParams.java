package shop.storefront.checkout.internal.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import shop.storefront.checkout.internal.service.OrderFilter;
import shop.storefront.platform.FieldText;
import shop.storefront.platform.InvalidInput;
import shop.storefront.platform.PageNumber;

/**
 * Reads the orders list's query parameters into a validated {@link OrderFilter}. Every refusal names the parameter
 * and says what would be right; an empty parameter does not filter.
 */
final class OrderFilterParams {

    static final int SEARCH_MAX = 200;
    static final int MAX_PAGE = 1000;
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** What was typed, to show in the filter form again (never null, cut to the form's limits). */
    record Typed(String status, String from, String to, String q) {
        static Typed of(String status, String from, String to, String q) {
            return new Typed(FieldText.echo(status, 40), FieldText.echo(from, 10), FieldText.echo(to, 10), FieldText.echo(q, SEARCH_MAX));
        }
    }

    private OrderFilterParams() {
    }

    static OrderFilter parse(String status, String from, String to, String q, String page) {
        OrderFilter.Stage stage = blank(status) ? null : OrderFilter.Stage.ofCode(status.strip())
                .orElseThrow(() -> new InvalidInput("status", "status must be one of: " + Arrays.stream(OrderFilter.Stage.values())
                        .map(OrderFilter.Stage::code).collect(Collectors.joining(", ")) + "."));
        LocalDate fromDay = day("from", "Placed from", from);
        LocalDate toDay = day("to", "Placed to", to);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            throw new InvalidInput("to", "Placed to must be on or after Placed from.");
        }
        String search = FieldText.optional("q", "The search", q, SEARCH_MAX);
        return new OrderFilter(stage, fromDay, toDay, search.isEmpty() ? null : search, page(page));
    }

    private static LocalDate day(String name, String label, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            // Four-digit years only: the ISO parser takes years the database cannot store.
            if (DAY.matcher(value.strip()).matches()) {
                return LocalDate.parse(value.strip());
            }
        } catch (DateTimeParseException e) {
            // same answer as a wrong shape
        }
        throw new InvalidInput(name, label + " must be a date such as 2026-12-07.");
    }

    private static int page(String value) {
        return PageNumber.parse(value, MAX_PAGE);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
