package shop.storefront.checkout.internal.payment;

import java.time.Duration;
import java.util.Optional;
import shop.storefront.platform.Money;

/**
 * A way to pay. Checkout places the order (stock reserved) first and then asks the provider to collect;
 * the outcome decides whether the order is paid, waits for payment, or is cancelled and its stock released.
 */
public interface PaymentProvider {

    /** Stable id used in forms, the API and stored orders, e.g. "bank-transfer". */
    String id();

    /** Shopper-facing name and one-line explanation. */
    String label();

    String description();

    /**
     * How long an order may wait for its payment before it is cancelled and its stock released; empty when the
     * goods ship unpaid (cash on delivery).
     */
    Optional<Duration> paymentWindow();

    /** Whether the shopper must supply a payment method token (e.g. a Stripe PaymentMethod id) to use it. */
    default boolean needsPaymentToken() {
        return false;
    }

    /**
     * Collects the order's total. Must be safe to repeat for the same order (providers get the order number as
     * their idempotency key). Never throws for a decline: that is {@link Collection.Outcome#DECLINED}.
     */
    Collection collect(String orderNumber, Money amount, String paymentToken);

    /** What the shopper has to do to pay an order still waiting for payment (e.g. where to transfer the money). */
    default Optional<String> instructions(String orderNumber, Money amount, java.time.Instant placedAt) {
        return Optional.empty();
    }

    /** Gives money back for a paid order; throws if the provider refuses. */
    void refund(String orderNumber, String paymentReference, Money amount);

    /**
     * Whether {@link #refund} sends the money back itself; false for methods paid outside the shop (a transfer, cash
     * to the courier), whose refunds the shop only records and a person pays out.
     */
    default boolean refundsItself() {
        return true;
    }

    /**
     * Makes sure a cancelled order keeps none of the shopper's money: a payment still open at the provider is
     * voided, one that went through anyway (late 3-D Secure, a slow bank) is refunded. Returns true if money went
     * back. Safe to repeat; throws when the provider cannot settle it yet, to be tried again later.
     */
    default boolean settleCancelled(String orderNumber, String paymentReference, Money amount) {
        return false;
    }

    /**
     * Where a payment collected earlier for this order stands now; asked when the shopper repeats the same
     * checkout (a retry after a timeout, or after authenticating with their bank). Same rules as {@link #collect}.
     */
    default Collection recheck(String orderNumber, String paymentReference, Money amount, String paymentToken) {
        return Collection.pending(paymentReference, null);
    }

    /**
     * What collecting achieved; {@code reference} identifies the payment at the provider (if any). A pending card
     * payment may need the shopper to authenticate with their bank (3-D Secure): {@code clientSecret} then lets
     * their browser finish it with the provider's script.
     */
    record Collection(Outcome outcome, String reference, String message, String clientSecret) {

        public enum Outcome {
            /** The money is ours: the order is paid. */
            PAID,
            /** Not yet known or not yet due (bank transfer, cash on delivery, provider timeout, authentication). */
            PENDING,
            /** Refused: the order is cancelled and its stock released. */
            DECLINED
        }

        public static Collection paid(String reference) {
            return new Collection(Outcome.PAID, reference, null, null);
        }

        public static Collection pending(String reference, String message) {
            return new Collection(Outcome.PENDING, reference, message, null);
        }

        public static Collection needsAuthentication(String reference, String clientSecret) {
            return new Collection(Outcome.PENDING, reference, "your bank asks you to confirm the payment", clientSecret);
        }

        public static Collection declined(String reference, String message) {
            return new Collection(Outcome.DECLINED, reference, message, null);
        }
    }
}
