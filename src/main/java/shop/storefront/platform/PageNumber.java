package shop.storefront.platform;

/** The one rule for a list's {@code page} parameter in the back office's lists: absent means the first page. */
public final class PageNumber {

    private PageNumber() {
    }

    /**
     * The page asked for, 1 when none is given.
     *
     * @throws InvalidInput naming {@code page} when the value is not a whole number from 1 to {@code max}
     */
    public static int parse(String value, int max) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int page = Integer.parseInt(value.strip());
            if (page >= 1 && page <= max) {
                return page;
            }
        } catch (NumberFormatException ignored) {
            // the same answer as out of range
        }
        throw new InvalidInput("page", "page must be a whole number from 1 to " + max + ".");
    }
}
