package shop.storefront.checkout.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import shop.storefront.catalog.Inventory;
import shop.storefront.checkout.internal.domain.CustomerOrder;
import shop.storefront.checkout.internal.domain.OrderLine;
import shop.storefront.checkout.internal.domain.OrderNotFound;
import shop.storefront.checkout.internal.domain.OrderStatus;
import shop.storefront.checkout.internal.payment.PaymentMethods;
import shop.storefront.checkout.internal.payment.PaymentProvider;
import shop.storefront.messaging.Outbox;
import shop.storefront.platform.EmailAddress;
import shop.storefront.platform.Money;
import shop.storefront.platform.ProviderFailed;
import shop.storefront.platform.Refused;

/**
 * Reading orders and moving them through their life. Every change locks the order row first, so a webhook,
 * the expiry handler and a person clicking at the same moment cannot both apply.
 */
@ApplicationScoped
public class Orders {

    public static final String NUMBER = "SF-[0-9A-Z]{4}-[0-9A-Z]{4}";
    private static final Logger LOG = Logger.getLogger(Orders.class);

    private final Inventory inventory;
    private final PaymentMethods payments;
    private final Outbox outbox;

    Orders(Inventory inventory, PaymentMethods payments, Outbox outbox) {
        this.inventory = inventory;
        this.payments = payments;
        this.outbox = outbox;
    }

    @Transactional
    public Optional<OrderView> view(String number) {
        return number == null || !number.matches(NUMBER) ? Optional.empty() : CustomerOrder.findByNumber(number).map(this::view);
    }

    /** The customer's id (public id) on the order, or empty for a guest order or an unknown number. */
    @Transactional
    public Optional<String> customerOf(String number) {
        return number == null || !number.matches(NUMBER) ? Optional.empty()
                : CustomerOrder.findByNumber(number).map(o -> o.customerId == null ? null : o.customerId.toString());
    }

    /** The id of the payment method the order is paid with (null for an unknown order). */
    @Transactional
    public String paymentMethodOf(String number) {
        return CustomerOrder.findByNumber(number).map(o -> o.paymentMethod).orElse(null);
    }

    /**
     * A guest's lookup: the order only when the e-mail matches too (case-insensitive). A malformed address is an
     * {@link shop.storefront.platform.InvalidFieldException}: no order can have it.
     */
    @Transactional
    public Optional<OrderView> lookup(String number, String email) {
        String mail = EmailAddress.parse(email).value();
        return view(typedNumber(number)).filter(o -> o.email().equals(mail));
    }

    /** An order number as a shopper typed it, in the form orders are numbered (upper case, no surrounding spaces). */
    public static String typedNumber(String number) {
        return number == null ? null : number.strip().toUpperCase(java.util.Locale.ROOT);
    }

    @Transactional
    public List<OrderView> ofCustomer(String customerId, int limit) {
        return CustomerOrder.ofCustomer(UUID.fromString(customerId), limit).stream().map(this::view).toList();
    }

    /**
     * Records a payment; true if this call moved the order to paid (false: already paid, or no longer payable). A
     * provider's payment that arrives for an order cancelled meanwhile is queued to go back
     * ({@link CancelledOrderPayments}).
     */
    @Transactional
    public boolean markPaid(String number, String reference, String note) {
        CustomerOrder order = locked(number);
        if (!order.status.awaitsPayment()) {
            if (order.status == OrderStatus.CANCELLED && reference != null) {
                LOG.warnf("Order %s: payment %s arrived after the order was cancelled; refunding it", number, reference);
                recordPaymentReference(number, reference);
                outbox.publish(CancelledOrderPayments.TOPIC, new CancelledOrderPayments.Settle(number));
            }
            return false;
        }
        pay(order, reference, note, null);
        return true;
    }

    /**
     * Moves the order to paid. A card payment needs the provider's reference: staff cannot record one
     * ({@link #staffMayRecordPayment}). {@code by}: the staff member recording it, or null.
     */
    void pay(CustomerOrder order, String reference, String note, String by) {
        boolean card = payments.isCard(order.paymentMethod);
        if (reference == null && card) {
            // Without the provider's reference the payment could never be refunded through it.
            throw new Refused("Order " + order.number + " is paid by card: Stripe confirms its payment, not staff.");
        }
        if (reference != null) {
            order.paymentReference = reference;
        }
        order.moveTo(OrderStatus.PAID, note, by);
        if (card) {
            outbox.publish(OrderConfirmationMail.CARD_PAID, new OrderConfirmationMail.CardPaid(order.number));
        }
    }

    /** Whether staff may record the order's payment by hand: it awaits one and is not paid through a provider (card). */
    boolean staffMayRecordPayment(CustomerOrder order) {
        return order.status.awaitsPayment() && !payments.isCard(order.paymentMethod);
    }

    /**
     * Whether the order may ship now: its status allows it, and it is paid or its method has no payment window (paid on
     * delivery or by invoice).
     */
    boolean mayShip(CustomerOrder order) {
        return order.status.canTransitionTo(OrderStatus.FULFILLED) && !(order.status.awaitsPayment()
                && payments.find(order.paymentMethod).flatMap(PaymentProvider::paymentWindow).isPresent());
    }

    /** Keeps the provider's name for a payment that is still open (authentication step, no answer in time). */
    @Transactional
    public void recordPaymentReference(String number, String reference) {
        CustomerOrder order = locked(number);
        if (order.paymentReference == null) {
            order.paymentReference = reference;
        }
    }

    /** What a cancelled order may still hold at its payment provider; empty for any other order. */
    @Transactional
    public Optional<CancelledOrderPayments.Held> heldByCancelled(String number) {
        return CustomerOrder.findByNumber(number).filter(o -> o.status == OrderStatus.CANCELLED)
                .map(o -> new CancelledOrderPayments.Held(o.paymentMethod, o.paymentReference, o.money(o.total)));
    }

    /** Records that a cancelled order's late payment went back to the shopper. */
    @Transactional
    public void refundedAfterCancellation(String number, Money amount) {
        CustomerOrder order = locked(number);
        if (order.status == OrderStatus.CANCELLED) {
            order.moveTo(OrderStatus.REFUNDED, "The payment went through after the order was cancelled; "
                    + amount.display() + " was refunded");
        }
    }

    /**
     * Cancels an order that was not paid (declined or expired payment, or the shopper changed their mind) and puts its
     * stock back; true if this call cancelled it.
     */
    @Transactional
    public boolean cancelUnpaid(String number, String note) {
        CustomerOrder order = locked(number);
        if (!order.status.canTransitionTo(OrderStatus.CANCELLED)) {
            return false;
        }
        cancel(order, note, null);
        return true;
    }

    /**
     * Refunds an order staff may refund (paid, shipped, or cancelled with a payment that arrived late): stock it still
     * holds goes back, and the money goes back through its provider, or is recorded for a person to pay out when the
     * method is paid outside the shop or no longer offered. Returns how the money goes back.
     */
    Refund refund(CustomerOrder order, String note, String by) {
        order.checkCanMoveTo(OrderStatus.REFUNDED);
        if (order.status.holdsStock()) {
            inventory.release(quantities(order));
        }
        Optional<PaymentProvider> provider = payments.find(order.paymentMethod);
        provider.ifPresent(p -> refund(p, order));
        Refund refund = new Refund(order.money(order.total), provider.map(PaymentProvider::label).orElse(order.paymentMethod),
                provider.map(PaymentProvider::refundsItself).orElse(false));
        if (provider.isEmpty()) {
            LOG.warnf("Order %s: payment method %s is no longer offered; refund it by hand", order.number, order.paymentMethod);
        }
        order.moveTo(OrderStatus.REFUNDED, note == null ? refund.standardNote() : note, by);
        return refund;
    }

    /** How an order's money went back: {@code throughProvider} false means a person pays it out (and the shop says so). */
    record Refund(Money amount, String method, boolean throughProvider) {
        String standardNote() {
            return throughProvider ? amount.display() + " refunded through " + method
                    : "Refund of " + amount.display() + " recorded: " + method + " is paid back by hand";
        }
    }

    /** A refused or failed refund leaves the order as it was (the transaction rolls back) and says so. */
    private static void refund(PaymentProvider provider, CustomerOrder order) {
        try {
            provider.refund(order.number, order.paymentReference, order.money(order.total));
        } catch (RuntimeException e) {
            LOG.errorf("Order %s: refund through %s failed: %s", order.number, provider.label(), e.getMessage());
            throw new ProviderFailed("The refund through " + provider.label() + " failed, so order " + order.number
                    + " was left unchanged. Try again in a moment, or refund it by hand.");
        }
    }

    /** Stock goes back; a payment the provider may still hold for the order is settled in the background. */
    void cancel(CustomerOrder order, String note, String by) {
        inventory.release(quantities(order));
        order.moveTo(OrderStatus.CANCELLED, note, by);
        if (payments.isCard(order.paymentMethod)) {
            outbox.publish(CancelledOrderPayments.TOPIC, new CancelledOrderPayments.Settle(order.number));
        }
    }

    OrderView view(CustomerOrder order) {
        Optional<PaymentProvider> provider = payments.find(order.paymentMethod);
        String instructions = !order.status.awaitsPayment() ? null
                : provider.flatMap(p -> p.instructions(order.number, order.money(order.total), order.placedAt)).orElse(null);
        return OrderView.of(order, provider.map(PaymentProvider::label).orElse(order.paymentMethod), instructions);
    }

    static CustomerOrder locked(String number) {
        return CustomerOrder.lockByNumber(number).orElseThrow(() -> new OrderNotFound(number));
    }

    static Map<String, Integer> quantities(CustomerOrder order) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        for (OrderLine line : order.lines) {
            quantities.merge(line.sku, line.quantity, Integer::sum);
        }
        return quantities;
    }
}
