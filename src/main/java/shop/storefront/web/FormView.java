package shop.storefront.web;

import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.storefront.platform.DomainException;
import shop.storefront.platform.InvalidFields;

/**
 * A form as shown: the values (as stored, or as typed after a refusal) and the message next to each field that needs
 * changing, in the form's order; {@code message} is what a refusal said about no field of the form (or null).
 */
@TemplateData
public record FormView(Map<String, String> values, Map<String, String> errors, String message) {

    public static FormView of(Map<String, String> values) {
        return new FormView(values, Map.of(), null);
    }

    /**
     * The typed values again, with the refusal's messages placed next to their fields; one about no field of this
     * form becomes {@link #message()}.
     */
    public static FormView refused(Map<String, String> values, DomainException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> elsewhere = new ArrayList<>();
        Map<String, String> problems = e instanceof InvalidFields fields ? fields.errors()
                : e.field() == null ? Map.of() : Map.of(e.field(), e.getMessage());
        problems.forEach((field, message) -> {
            if (values.containsKey(field)) {
                errors.put(field, message);
            } else {
                elsewhere.add(message);
            }
        });
        if (problems.isEmpty()) {
            elsewhere.add(e.getMessage());
        }
        return new FormView(values, errors, elsewhere.isEmpty() ? null : String.join(" ", elsewhere));
    }

    /** One line above the form: the message about no field, else how many fields to correct; null when all is fine. */
    public String summary() {
        if (message != null) {
            return message;
        }
        return errors.isEmpty() ? null
                : errors.size() == 1 ? "Please correct the field marked below." : "Please correct the " + errors.size() + " fields marked below.";
    }

    /** The field's value, empty when it has none. */
    public String value(String name) {
        String value = values.get(name);
        return value == null ? "" : value;
    }

    /** The message for the field, or null when it is fine. */
    public String error(String name) {
        return errors.get(name);
    }

    public boolean is(String name, String value) {
        return value.equals(values.get(name));
    }

    /** Field → message pairs in the form's order, for a list of what to correct that links to each field. */
    public List<Map.Entry<String, String>> errorList() {
        return List.copyOf(errors.entrySet());
    }
}
