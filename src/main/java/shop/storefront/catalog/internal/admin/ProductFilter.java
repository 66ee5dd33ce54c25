package shop.storefront.catalog.internal.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import shop.storefront.platform.FieldText;
import shop.storefront.platform.InvalidInput;
import shop.storefront.platform.PageNumber;

/**
 * The product list's query parameters, checked: search text (name, brand, slug or SKU), status, category (with its
 * sub-categories) and page. Each refusal names the parameter. Empty values mean "any".
 */
public record ProductFilter(String text, String status, String category, int page) {

    static final int MAX_PAGE = 10_000;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public static ProductFilter parse(String q, String status, String category, String page) {
        String text = FieldText.optional("q", "The search text", q, 200);
        String wantedStatus = status == null ? "" : status.strip();
        if (!wantedStatus.isEmpty() && ProductEditor.parseStatus(wantedStatus).isEmpty()) {
            throw new InvalidInput("status", "Status must be draft, active or archived (or empty for any).");
        }
        String wantedCategory = category == null ? "" : category.strip();
        if (!wantedCategory.isEmpty() && (wantedCategory.length() > 120 || !SLUG.matcher(wantedCategory).matches())) {
            throw new InvalidInput("category", "Choose one of the listed categories.");
        }
        return new ProductFilter(text, wantedStatus, wantedCategory, page(page));
    }

    private static int page(String typed) {
        return PageNumber.parse(typed, MAX_PAGE);
    }

    /** The list's address with this filter on another page. */
    public String link(int otherPage) {
        List<String> parts = new ArrayList<>();
        add(parts, "q", text);
        add(parts, "status", status);
        add(parts, "category", category);
        if (otherPage > 1) {
            parts.add("page=" + otherPage);
        }
        return "/admin/products" + (parts.isEmpty() ? "" : "?" + String.join("&", parts));
    }

    private static void add(List<String> parts, String name, String value) {
        if (!value.isEmpty()) {
            parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
