package shop.storefront.checkout.internal.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import shop.storefront.platform.Countries;

/**
 * Rules across settings that SmallRye cannot express: every delivery country needs a VAT rate and a shipping
 * price with every method. A gap stops start-up with the names of the missing settings.
 */
@Startup
@ApplicationScoped
class CheckoutConfigCheck {

    CheckoutConfigCheck(CheckoutConfig config, Countries countries) {
        List<String> missing = new ArrayList<>();
        for (String country : countries.codes()) {
            if (!config.vatRates().containsKey(country)) {
                missing.add("storefront.checkout.vat-rates." + country);
            }
        }
        config.shipping().forEach((id, method) -> {
            if (!method.firstKg().containsKey("default") && !method.firstKg().keySet().containsAll(countries.codes())) {
                missing.add("storefront.checkout.shipping." + id + ".first-kg.default");
            }
        });
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Missing checkout settings: " + String.join(", ", missing)
                    + " (set them in application.properties or as environment variables)");
        }
    }
}
