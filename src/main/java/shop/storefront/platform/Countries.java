package shop.storefront.platform;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The countries the store delivers to ({@code storefront.countries}), with their English names and postcode formats.
 * Built at start-up, so a country without a postcode format stops it naming the setting.
 */
@Startup
@ApplicationScoped
public class Countries {

    /** English names read with "the" in a sentence ("for the Netherlands"). */
    private static final Set<String> NAMED_WITH_THE = Set.of("GB", "NL", "US", "AE", "PH", "BS", "GM", "CF", "DO", "CZ", "KM",
            "MV", "MH", "SB", "VA");

    private final Set<String> codes;
    private final List<Map.Entry<String, String>> choices;

    Countries(StorefrontConfig config) {
        this.codes = Set.copyOf(config.countries());
        this.choices = codes.stream().map(code -> Map.entry(code, name(code))).sorted(Map.Entry.comparingByValue()).toList();
        List<String> withoutFormat = PostcodeFormats.missing(config.countries());
        if (!withoutFormat.isEmpty()) {
            throw new IllegalStateException("storefront.countries has " + String.join(", ", withoutFormat)
                    + ", which " + PostcodeFormats.RESOURCE + " has no postcode format for: add the country's format there"
                    + " or remove it from storefront.countries");
        }
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

    /** How a country we deliver to writes its postcodes (every one has a format: checked at start-up). */
    public PostcodeFormat postcodeFormat(String deliverableCode) {
        return PostcodeFormats.of(deliverableCode).orElseThrow();
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

    /** The name as it reads after a preposition: "Germany", "the United Kingdom". */
    public static String nameInSentence(String code) {
        return NAMED_WITH_THE.contains(code) ? "the " + name(code) : name(code);
    }
}
