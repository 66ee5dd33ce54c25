package shop.storefront.checkout.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.storefront.checkout.internal.domain.CustomerOrder;

/** The delivery form between checkout steps, in the form shown back, and compared with a placed order. */
class DeliveryFormTest {

    private static final DeliveryForm ANNA = new DeliveryForm("anna@example.com", "Anna Example", "Hauptstraße 1", "",
            "Berlin", "10115", "DE", "+49301234567");

    @Test
    void savedFieldsGiveTheSameFormBack() {
        Map<String, String> fields = ANNA.fields();

        assertThat(fields).containsEntry("postalCode", "10115").containsEntry("country", "DE").hasSize(8);
        assertThat(DeliveryForm.fromFields(fields)).isEqualTo(ANNA);
    }

    @Test
    void savedFieldsWithoutACountryHoldNoForm() {
        assertThat(DeliveryForm.fromFields(Map.of("shippingMethod", "standard"))).isNull();
    }

    @Test
    void typedValuesAreShownBackBlankWhenMissingAndCutWhenTooLong() {
        DeliveryForm typed = new DeliveryForm(null, "x".repeat(300), "Hauptstraße 1", null, "Berlin", "10115", "DE", null);

        DeliveryForm shown = typed.shownBack();

        assertThat(shown.email()).isEmpty();
        assertThat(shown.fullName()).hasSize(254);
        assertThat(shown.line2()).isEmpty();
        assertThat(shown.line1()).isEqualTo("Hauptstraße 1");
    }

    @Test
    void anOrderPlacedWithTheFormHasTheSameForm() {
        CustomerOrder order = new CustomerOrder();
        order.email = ANNA.email();
        order.shipTo = ANNA.shippingAddress();

        assertThat(DeliveryForm.of(order)).isEqualTo(ANNA);
        assertThat(DeliveryForm.of(order)).isNotEqualTo(ANNA.withEmail("bob@example.com"));
    }
}
