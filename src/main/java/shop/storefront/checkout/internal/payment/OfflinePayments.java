package shop.storefront.checkout.internal.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import shop.storefront.checkout.internal.config.CheckoutConfig;
import shop.storefront.platform.Money;

/** Payment methods needing no provider: the order waits for the transfer, or for the courier to collect. */
@ApplicationScoped
class OfflinePayments {

    @Produces
    @ApplicationScoped
    PaymentProvider bankTransfer(CheckoutConfig config) {
        return new Offline("bank-transfer", "Bank transfer",
                "Pay within " + config.bankTransferWindow().toDays() + " days; we send the bank details with your order confirmation.",
                Optional.of(config.bankTransferWindow()), config.bankAccount());
    }

    @Produces
    @ApplicationScoped
    PaymentProvider cashOnDelivery() {
        return new Offline("cash-on-delivery", "Pay on delivery", "Pay the courier in cash or by card when your parcel arrives.",
                Optional.empty(), Optional.empty());
    }

    /** The last day to pay, in UTC (the order's window counts from its placement). */
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** {@code payInto}: the account a transfer goes to (required by the configuration while bank transfer is offered). */
    private record Offline(String id, String label, String description, Optional<Duration> paymentWindow,
            Optional<CheckoutConfig.BankAccount> payInto) implements PaymentProvider {

        @Override
        public Optional<String> instructions(String orderNumber, Money amount, Instant placedAt) {
            String due = paymentWindow.map(window -> " by " + DEADLINE.format(placedAt.plus(window))).orElse("");
            return payInto.map(account -> "Please transfer " + amount.display() + " to " + account.payee() + ", IBAN " + account.iban()
                    + account.bic().map(bic -> ", BIC " + bic).orElse("") + due + ", quoting " + orderNumber
                    + " as the reference. Unpaid orders are cancelled after that date.");
        }

        @Override
        public Collection collect(String orderNumber, Money amount, String paymentToken) {
            return Collection.pending(null, null);
        }

        @Override
        public void refund(String orderNumber, String paymentReference, Money amount) {
            // Offline money goes back offline: the refund is recorded on the order and paid out by a person.
        }

        @Override
        public boolean refundsItself() {
            return false;
        }
    }
}
