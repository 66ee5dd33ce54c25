package shop.storefront.backoffice;

import java.util.List;

/**
 * A part of the back-office dashboard, contributed by the module that owns the figures (an application-scoped bean
 * per section). The dashboard asks each section when it is shown, so figures are always current.
 */
public interface DashboardSection {

    /** Where the section goes: lower first. */
    int position();

    String heading();

    /** The section's lines; an empty list shows {@link #whenEmpty()}. */
    List<Line> lines();

    /** What to say when there are no lines, e.g. "No product is low on stock." */
    default String whenEmpty() {
        return "Nothing to show.";
    }

    /** A label and its value, optionally linking to the back-office page that explains it. */
    record Line(String label, String value, String link) {
        public static Line of(String label, String value) {
            return new Line(label, value, null);
        }
    }
}
