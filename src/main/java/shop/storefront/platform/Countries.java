package shop.storefront.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The countries the store delivers to ({@code storefront.countries}), with their English names. */
@ApplicationScoped
public class Countries {

    private final Set<String> codes;
    private final List<Map.Entry<String, String>> choices;

    Countries(StorefrontConfig config) {
        this.codes = Set.copyOf(config.countries());
        this.choices = codes.stream().map(code -> Map.entry(code, name(code))).sorted(Map.Entry.comparingByValue()).toList();
    }

    /** The code in canonical form if we deliver there (any case and surrounding spaces accepted). */
    public Optional<String> deliverable(String code) {
        String canonical = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        return codes.contains(canonical) ? Optional.of(canonical) : Optional.empty();
    }

    /** The code in canonical form, or an {@link InvalidFieldException} for the field {@code country}. */
    public String requireDeliverable(String code) {
        return deliverable(code).orElseThrow(() -> new InvalidFieldException("country", "Choose a country we deliver to."));
    }

    public Set<String> codes() {
        return codes;
    }

    /** Code → name, sorted by name, for a country select. */
    public List<Map.Entry<String, String>> choices() {
        return choices;
    }

    public static String name(String code) {
        return Locale.of("", code).getDisplayCountry(Locale.UK);
    }
}
