package shop.storefront.catalog.internal.admin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import shop.storefront.platform.InvalidInput;

/**
 * Every field of a staff form that needs changing, each with its message, so the form can show them all at once
 * instead of one per attempt. As an {@link InvalidInput} it names the first field and says what to change there.
 */
public class InvalidFields extends InvalidInput {

    private final Map<String, String> errors;

    InvalidFields(Map<String, String> errors) {
        super(errors.keySet().iterator().next(), errors.values().iterator().next());
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    /** Field name → what to change, in the form's order. */
    public Map<String, String> errors() {
        return errors;
    }

    /** Collects the refusals of a form's field rules, the first one per field. */
    static final class Collector {

        private final Map<String, String> errors = new LinkedHashMap<>();

        /** The rule's result, or null after recording its refusal. */
        <T> T check(java.util.function.Supplier<T> rule) {
            try {
                return rule.get();
            } catch (InvalidInput e) {
                add(e.field(), e.getMessage());
                return null;
            }
        }

        void add(String field, String message) {
            errors.putIfAbsent(field, message);
        }

        boolean has(String field) {
            return errors.containsKey(field);
        }

        void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidFields(errors);
            }
        }
    }
}
