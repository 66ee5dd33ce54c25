package shop.storefront.catalog.internal.admin;

import java.util.Arrays;
import java.util.Optional;

/** Why staff changed a SKU's stock; some reasons only go one way (a delivery adds, damage takes off). */
public enum StockReason {
    DELIVERY("delivery", "Delivery received", 1),
    COUNT_CORRECTION("count-correction", "Count correction", 0),
    DAMAGED("damaged", "Damaged", -1),
    RETURNED("returned", "Returned", 1),
    OTHER("other", "Other (say what in the note)", 0);

    /** As stored and sent by the form. */
    public final String code;
    public final String label;
    /** The sign the change must have: +1 adds, -1 takes off, 0 either. */
    final int sign;

    StockReason(String code, String label, int sign) {
        this.code = code;
        this.label = label;
        this.sign = sign;
    }

    static Optional<StockReason> ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    /** The label of a stored code; the code itself for one no longer known. */
    static String labelOf(String code) {
        return ofCode(code).map(r -> r == OTHER ? "Other" : r.label).orElse(code);
    }
}
