package shop.storefront.catalog.internal.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import shop.storefront.platform.FieldText;

/** A stock adjustment as typed: a signed number of units, a reason code and a note. */
public record StockForm(String delta, String reason, String note) {

    static final int NOTE_MAX = 500;

    public static StockForm blank() {
        return new StockForm("", "", "");
    }

    /** Field name → value to show in the form. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("delta", FieldText.echo(delta, 20));
        values.put("reason", FieldText.echo(reason, 32));
        values.put("note", FieldText.echo(note, NOTE_MAX));
        return values;
    }
}
