package shop.storefront.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.storefront.platform.InvalidFields;
import shop.storefront.platform.InvalidInput;
import shop.storefront.platform.Refused;

/** A refused form shown again: each message next to its field in form order, one about no field above the form. */
class FormViewTest {

    private static final Map<String, String> TYPED = Map.of("fullName", "", "city", "Köln", "postalCode", "1");

    @Test
    void everyFieldsMessageIsPlacedNextToItInFormOrder() {
        FormView form = FormView.refused(TYPED, refusal(Map.of("postalCode", "Enter a postcode like 26133 for Germany."),
                Map.of("fullName", "Full name is required.")));

        assertThat(form.errorList()).containsExactly(entry("postalCode", "Enter a postcode like 26133 for Germany."),
                entry("fullName", "Full name is required."));
        assertThat(form.error("city")).isNull();
        assertThat(form.value("city")).isEqualTo("Köln");
        assertThat(form.message()).isNull();
        assertThat(form.summary()).isEqualTo("Please correct the 2 fields marked below.");
    }

    @Test
    void aMessageAboutNoFieldOfTheFormIsShownAboveIt() {
        FormView refused = FormView.refused(TYPED, new Refused("Your address book is full (20 addresses). Delete one first."));
        FormView otherField = FormView.refused(TYPED, new InvalidInput("email", "Enter an e-mail address such as name@example.com."));

        assertThat(refused.errors()).isEmpty();
        assertThat(refused.summary()).isEqualTo("Your address book is full (20 addresses). Delete one first.");
        assertThat(otherField.errors()).isEmpty();
        assertThat(otherField.message()).isEqualTo("Enter an e-mail address such as name@example.com.");
    }

    @Test
    void aFormWithoutRefusalHasNoSummaryAndNoNullValues() {
        FormView form = FormView.of(new java.util.HashMap<>(Map.of("city", "Köln")));

        assertThat(form.summary()).isNull();
        assertThat(form.value("line2")).isEmpty();
    }

    /** The refusal the shared rules raise for these problems, collected in this order. */
    @SafeVarargs
    private static InvalidFields refusal(Map<String, String>... problems) {
        InvalidFields.Collector collector = new InvalidFields.Collector();
        for (Map<String, String> problem : problems) {
            problem.forEach(collector::add);
        }
        try {
            collector.throwIfAny();
        } catch (InvalidFields e) {
            return e;
        }
        throw new AssertionError("no refusal");
    }
}
