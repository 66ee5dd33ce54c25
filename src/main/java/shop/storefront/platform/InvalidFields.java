package shop.storefront.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every field of a form that needs changing, each with its message, so the form can show them all at once instead of
 * one per attempt. As an {@link InvalidInput} it names the first field and says what to change there, so an edge that
 * knows only single refusals still answers it sensibly.
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

    /** Collects the refusals of a form's field rules, the first one per field, in the order they were checked. */
    public static final class Collector {

        private final Map<String, String> errors = new LinkedHashMap<>();

        /** The rule's result, or null after recording its refusal (every refusal of an {@link InvalidFields} one). */
        public <T> T check(Supplier<T> rule) {
            try {
                return rule.get();
            } catch (InvalidFields e) {
                e.errors().forEach(this::add);
                return null;
            } catch (InvalidInput e) {
                add(e.field(), e.getMessage());
                return null;
            }
        }

        public void add(String field, String message) {
            errors.putIfAbsent(field, message);
        }

        public boolean has(String field) {
            return errors.containsKey(field);
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidFields(errors);
            }
        }
    }
}
