package shop.storefront.checkout.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.storefront.checkout.internal.domain.OrderStatus.CANCELLED;
import static shop.storefront.checkout.internal.domain.OrderStatus.FULFILLED;
import static shop.storefront.checkout.internal.domain.OrderStatus.PAID;
import static shop.storefront.checkout.internal.domain.OrderStatus.PLACED;
import static shop.storefront.checkout.internal.domain.OrderStatus.REFUNDED;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import shop.storefront.platform.Refused;

/** Every move between two statuses, allowed or not, and what cancelling leads to from each. */
class OrderStatusTest {

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
            "PLACED,    PLACED,    false",
            "PLACED,    PAID,      true",
            "PLACED,    FULFILLED, true",
            "PLACED,    CANCELLED, true",
            "PLACED,    REFUNDED,  false",
            "PAID,      PLACED,    false",
            "PAID,      PAID,      false",
            "PAID,      FULFILLED, true",
            "PAID,      CANCELLED, false",
            "PAID,      REFUNDED,  true",
            "FULFILLED, PLACED,    false",
            "FULFILLED, PAID,      false",
            "FULFILLED, FULFILLED, false",
            "FULFILLED, CANCELLED, false",
            "FULFILLED, REFUNDED,  true",
            "CANCELLED, PLACED,    false",
            "CANCELLED, PAID,      false",
            "CANCELLED, FULFILLED, false",
            "CANCELLED, CANCELLED, false",
            "CANCELLED, REFUNDED,  true",
            "REFUNDED,  PLACED,    false",
            "REFUNDED,  PAID,      false",
            "REFUNDED,  FULFILLED, false",
            "REFUNDED,  CANCELLED, false",
            "REFUNDED,  REFUNDED,  false",
    })
    void transitions(OrderStatus from, OrderStatus to, boolean allowed) {
        assertThat(from.canTransitionTo(to)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "PLACED,    PAID",
            "PLACED,    FULFILLED",
            "PAID,      FULFILLED",
            "CANCELLED, REFUNDED",
    })
    void anAllowedMoveChangesTheStatusAndIsRecorded(OrderStatus from, OrderStatus to) {
        CustomerOrder order = order(from);

        order.moveTo(to, "why");

        assertThat(order.status).isEqualTo(to);
        assertThat(order.history).singleElement().satisfies(step -> {
            assertThat(step.status).isEqualTo(to);
            assertThat(step.note).isEqualTo("why");
        });
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "PAID      | PAID      | Order SF-TEST-0001 is not waiting for payment.",
            "CANCELLED | FULFILLED | Order SF-TEST-0001 is cancelled and cannot be shipped.",
            "FULFILLED | FULFILLED | Order SF-TEST-0001 is shipped and cannot be shipped.",
            "REFUNDED  | CANCELLED | Order SF-TEST-0001 is already refunded.",
    })
    void aForbiddenMoveIsRefusedAndChangesNothing(OrderStatus from, OrderStatus to, String message) {
        CustomerOrder order = order(from);

        assertThatThrownBy(() -> order.moveTo(to, "why")).isInstanceOf(WrongOrderStatus.class).isInstanceOf(Refused.class)
                .hasMessage(message);
        assertThat(order.status).isEqualTo(from);
        assertThat(order.history).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"PLACED, CANCELLED", "PAID, REFUNDED", "FULFILLED, REFUNDED", "CANCELLED,", "REFUNDED,"})
    void cancellingCancelsAnUnpaidOrderAndRefundsAPaidOne(OrderStatus from, OrderStatus to) {
        assertThat(from.whenCancelled()).isEqualTo(Optional.ofNullable(to));
        from.whenCancelled().ifPresent(next -> assertThat(from.canTransitionTo(next)).isTrue());
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void onlyAPlacedOrderAwaitsPaymentAndOnlyAnUnshippedOneHoldsStock(OrderStatus status) {
        assertThat(status.awaitsPayment()).isEqualTo(status == PLACED);
        assertThat(status.holdsStock()).isEqualTo(status == PLACED || status == PAID);
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void codesNameTheirStatus(OrderStatus status) {
        assertThat(OrderStatus.ofCode(status.code())).isEqualTo(status);
    }

    private static CustomerOrder order(OrderStatus status) {
        CustomerOrder order = new CustomerOrder();
        order.number = "SF-TEST-0001";
        order.status = status;
        return order;
    }
}
