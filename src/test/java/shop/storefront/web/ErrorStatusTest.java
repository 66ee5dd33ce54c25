package shop.storefront.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.storefront.catalog.OutOfStockException;
import shop.storefront.platform.AlreadyPlaced;
import shop.storefront.platform.DomainException;
import shop.storefront.platform.InvalidFieldException;
import shop.storefront.platform.InvalidInput;
import shop.storefront.platform.NotFound;
import shop.storefront.platform.NotPermitted;
import shop.storefront.platform.NotSignedIn;
import shop.storefront.platform.PaymentDeclined;
import shop.storefront.platform.ProviderFailed;
import shop.storefront.platform.Refused;
import shop.storefront.platform.TemporarilyUnavailable;
import shop.storefront.platform.TooManyAttempts;

/** The one table from a refusal kind to its status; a module's own subclass answers as its kind does. */
class ErrorStatusTest {

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of(new InvalidInput("quantity", "Quantity must be a whole number."), 400),
                Arguments.of(new InvalidFieldException("email", "Enter an e-mail address."), 400),
                Arguments.of(new NotSignedIn("That e-mail and password do not match an account."), 401),
                Arguments.of(new PaymentDeclined("paymentToken", "The card was declined."), 402),
                Arguments.of(new NotPermitted("Requests from other sites cannot change anything here."), 403),
                Arguments.of(new NotFound("That address is not in your address book."), 404),
                Arguments.of(new Refused("sku", "Your cart is full."), 409),
                Arguments.of(new OutOfStockException(List.of("SKU-1-1")), 409),
                Arguments.of(new AlreadyPlaced("idempotencyKey", "This key placed another order."), 422),
                Arguments.of(new TooManyAttempts(7), 429),
                Arguments.of(new ProviderFailed("The payment provider did not answer."), 502),
                Arguments.of(new TemporarilyUnavailable("Ordering is paused for a moment.", 30), 503));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("kinds")
    void eachKindAnswersWithItsStatus(DomainException refusal, int status) {
        assertThat(ErrorStatus.of(refusal)).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void onlyTooManyAttemptsAndTemporarilyUnavailableSayWhenToTryAgain(DomainException refusal, int status) {
        Long retryAfter = ErrorStatus.retryAfterSeconds(refusal);
        if (refusal instanceof TooManyAttempts) {
            assertThat(retryAfter).isEqualTo(7);
        } else if (refusal instanceof TemporarilyUnavailable) {
            assertThat(retryAfter).isEqualTo(30);
        } else {
            assertThat(retryAfter).isNull();
        }
    }
}
