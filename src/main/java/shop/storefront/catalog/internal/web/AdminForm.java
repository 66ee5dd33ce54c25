package shop.storefront.catalog.internal.web;

import io.quarkus.qute.TemplateData;
import java.util.LinkedHashMap;
import java.util.Map;
import shop.storefront.catalog.internal.admin.InvalidFields;
import shop.storefront.platform.DomainException;

/**
 * A back-office form as shown: the values (as stored, or as typed after a refusal) and the message next to each field
 * that needs changing. A refusal about no particular field is shown above the form.
 */
@TemplateData
public record AdminForm(Map<String, String> values, Map<String, String> errors, String summary) {

    public static AdminForm of(Map<String, String> values) {
        return new AdminForm(values, Map.of(), null);
    }

    /** The typed values again, with the refusal's messages placed next to their fields. */
    public static AdminForm refused(Map<String, String> values, DomainException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e instanceof InvalidFields fields) {
            errors.putAll(fields.errors());
        } else if (e.field() != null && values.containsKey(e.field())) {
            errors.put(e.field(), e.getMessage());
        }
        String summary = errors.isEmpty() ? e.getMessage()
                : errors.size() == 1 ? "Please correct the field marked below." : "Please correct the " + errors.size() + " fields marked below.";
        return new AdminForm(values, errors, summary);
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    /** The message for the field, or null when it is fine. */
    public String error(String name) {
        return errors.get(name);
    }

    public boolean is(String name, String value) {
        return value.equals(values.get(name));
    }
}
