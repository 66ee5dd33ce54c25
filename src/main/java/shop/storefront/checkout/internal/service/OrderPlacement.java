package shop.storefront.checkout.internal.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import shop.storefront.catalog.Inventory;
import shop.storefront.catalog.OutOfStockException;
import shop.storefront.catalog.StockClaim;
import shop.storefront.checkout.Basket;
import shop.storefront.checkout.OrderPlaced;
import shop.storefront.checkout.internal.domain.CartEmpty;
import shop.storefront.checkout.internal.domain.CustomerOrder;
import shop.storefront.checkout.internal.domain.OrderLine;
import shop.storefront.checkout.internal.domain.StaleTotal;
import shop.storefront.checkout.internal.payment.PaymentMethods;
import shop.storefront.checkout.internal.payment.PaymentProvider.Collection;
import shop.storefront.checkout.internal.payment.PaymentProvider;
import shop.storefront.checkout.internal.pricing.Pricing;
import shop.storefront.checkout.internal.pricing.Quote;
import shop.storefront.messaging.Outbox;
import shop.storefront.platform.AlreadyPlaced;
import shop.storefront.platform.Digests;
import shop.storefront.platform.DomainException;
import shop.storefront.platform.InvalidInput;
import shop.storefront.platform.Money;
import shop.storefront.platform.PaymentDeclined;
import shop.storefront.platform.Refused;

/**
 * Places orders. First the units are claimed at the catalog's stock gate, before any work in the database, so a
 * buyer the stock cannot serve is told at once (in a flash sale, nearly every buyer) and costs PostgreSQL nothing. Then one transaction inserts the order (whose idempotency key is unique),
 * takes the stock with conditional updates (the final word on stock) and queues {@link OrderPlaced} on the outbox;
 * so a submission either leaves all three or nothing. A second submission with the same key waits on the first's
 * row, then finds its order and answers with it. Payment is collected after commit: a decline cancels the order and
 * puts the stock back.
 */
@ApplicationScoped
public class OrderPlacement {

    public static final String IDEMPOTENCY_KEY = "[A-Za-z0-9_-]{16,100}";
    static final String RESERVATION_EXPIRY = "reservation-expiry";
    private static final String NUMBER_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(OrderPlacement.class);

    private final Pricing pricing;
    private final PaymentMethods payments;
    private final Inventory inventory;
    private final Outbox outbox;
    private final Orders orders;
    private final OrderAccess access;
    private final Event<OrderPlaced> placedEvents;
    private final MeterRegistry metrics;
    private final HoldingLimits limits;

    OrderPlacement(Pricing pricing, PaymentMethods payments, Inventory inventory, Outbox outbox, Orders orders,
            OrderAccess access, Event<OrderPlaced> placedEvents, MeterRegistry metrics, HoldingLimits limits) {
        this.limits = limits;
        this.pricing = pricing;
        this.payments = payments;
        this.inventory = inventory;
        this.outbox = outbox;
        this.orders = orders;
        this.access = access;
        this.placedEvents = placedEvents;
        this.metrics = metrics;
    }

    /**
     * The outcome: the order, whether this submission repeated an earlier one, the guest access token, and for a card
     * payment waiting on 3-D Secure the client secret the shopper's browser needs to finish it (else null).
     */
    public record Placement(OrderView order, boolean replayed, String accessToken, String paymentClientSecret) {
    }

    /** Payload of the message that cancels an unpaid order when its payment window closes. */
    @RegisterForReflection
    public record ReservationExpiry(String orderNumber) {
    }

    /**
     * Places the order the request asks for, in steps: validate, claim the units at the stock gate, replay (a repeated
     * key answers with its order), price, insert and reserve (one transaction), collect the payment (after commit).
     * Whatever ends the attempt before the commit gives the claimed units back.
     */
    public Placement place(Optional<Basket> current, String customerId, OrderRequest request) {
        Basket basket = validateKeyAndCart(current, request);
        String placedBy = Digests.sha256Hex(basket.id());
        StockClaim claim = claimStock(basket, request);
        try {
            Optional<Placement> earlier = replay(request.idempotencyKey(), placedBy, request);
            if (earlier.isPresent()) {
                claim.release();
                return earlier.get();
            }
            return placeNew(basket, placedBy, customerId, request, claim);
        } catch (RuntimeException e) {
            claim.release();
            throw e;
        }
    }

    /** Validate what a repeated submission needs too: a well-formed key, and a cart to tell whose key it is. */
    private static Basket validateKeyAndCart(Optional<Basket> current, OrderRequest request) {
        String key = request.idempotencyKey();
        if (key == null || !key.matches(IDEMPOTENCY_KEY)) {
            throw new InvalidInput("idempotencyKey", "Each order needs an idempotency key of 16–100 letters, digits, - or _.");
        }
        return current.orElseThrow(CartEmpty::new);
    }

    private Placement placeNew(Basket basket, String placedBy, String customerId, OrderRequest request, StockClaim claim) {
        PaymentProvider provider = validateDeliveryAndPayment(request);
        Quote quote = price(basket, request);
        CustomerOrder order;
        try {
            order = QuarkusTransaction.requiringNew().call(() -> insertAndReserve(basket, placedBy, customerId, request, quote, provider));
        } catch (RuntimeException e) {
            claim.release();
            return afterLostInsert(e, placedBy, request, quote);
        }
        claim.settle();
        return collect(order, basket, provider, request.paymentToken());
    }

    /**
     * Takes the cart's units at the stock gate before anything else, so that in a sale only buyers the stock can serve
     * go on to price the cart and queue on its rows; the rest are told "sold out" from Redis alone, named as the
     * catalog names the items. The claim is named by the idempotency key, which keeps the answers to repeats as they
     * were without a look at the orders: the gate lets a key through while its claim is open (a double click goes on
     * to find the first click's order) and for a day after its order was placed (a retry gets that order, not
     * "sold out"), and a key another cart used goes on to be refused as before.
     */
    private StockClaim claimStock(Basket basket, OrderRequest request) {
        try {
            return inventory.claim(request.idempotencyKey(), basket.quantities());
        } catch (OutOfStockException e) {
            throw soldOut(e.names());
        }
    }

    /** Validate what only a new order needs: where it goes, and a payment method offered (with its card token). */
    private PaymentProvider validateDeliveryAndPayment(OrderRequest request) {
        if (request.delivery() == null) {
            throw new Refused("Enter your delivery details first.");
        }
        PaymentProvider provider = payments.find(request.paymentMethod())
                .orElseThrow(() -> new InvalidInput("paymentMethod", "Choose one of the payment methods offered."));
        if (provider.needsPaymentToken() && (request.paymentToken() == null || !request.paymentToken().matches("pm_[A-Za-z0-9_]{1,200}"))) {
            throw new InvalidInput("paymentToken", "Card payments need a payment method from the card form.");
        }
        return provider;
    }

    /** Price the cart for the destination: the total the shopper saw, if they said, and within the per-item limit. */
    private Quote price(Basket basket, OrderRequest request) {
        Quote quote = pricing.quote(basket, request.delivery().country(), request.shippingMethod());
        if (request.expectedTotal() != null && request.expectedTotal().compareTo(quote.total().amount()) != 0) {
            throw new StaleTotal(quote.total(), new Money(request.expectedTotal(), quote.total().currency()));
        }
        limits.checkQuantities(quote);
        return quote;
    }

    /**
     * The insert rolled back: a concurrent submission with the same key placed the order (answer with it), the stock ran
     * out (say which items), or a limit refused it.
     */
    private Placement afterLostInsert(RuntimeException e, String placedBy, OrderRequest request, Quote quote) {
        String key = request.idempotencyKey();
        if (isUniqueViolation(e, "idempotency_key")) {
            return replay(key, placedBy, request).orElseThrow(() -> e);
        }
        Optional<OutOfStockException> shortfall = thrown(e, OutOfStockException.class);
        if (shortfall.isPresent()) {
            throw soldOut(quote, shortfall.get().skus());
        }
        Optional<DomainException> refused = thrown(e, DomainException.class);
        if (refused.isPresent()) {
            // A double click that found the first click's order already holding the last allowed place.
            return replay(key, placedBy, request).orElseThrow(refused::get);
        }
        throw e;
    }

    /** The exception itself or its cause, if of that kind (the transaction may wrap what the insert threw). */
    private static <T extends Throwable> Optional<T> thrown(RuntimeException e, Class<T> kind) {
        return Stream.of(e, e.getCause()).filter(kind::isInstance).map(kind::cast).findFirst();
    }

    /** Insert the order and reserve its stock, in the caller's transaction: the order, its messages and the stock, or nothing. */
    private CustomerOrder insertAndReserve(Basket basket, String placedBy, String customerId, OrderRequest request, Quote quote,
            PaymentProvider provider) {
        limits.checkOpenOrders(request.delivery().email(), request.placedFrom());
        CustomerOrder order = newOrder(placedBy, customerId, request, quote, provider);
        order.recordPlaced("Order placed");
        // The insert claims the idempotency key: a concurrent submission with the same key blocks here until this
        // transaction ends, then fails on the unique index and answers with this order.
        order.persistAndFlush();
        OrderPlaced placed = event(order, basket);
        outbox.publish(OrderPlaced.TOPIC, placed);
        outbox.publish(OrderPlaced.BASKET_TOPIC, placed);
        provider.paymentWindow().ifPresent(window ->
                outbox.publish(RESERVATION_EXPIRY, new ReservationExpiry(order.number), order.placedAt.plus(window)));
        // Last, so the stock rows stay locked only for the update and the commit: in a flash sale every buyer of
        // the SKU queues on that one row.
        inventory.reserve(Orders.quantities(order));
        return order;
    }

    /** The order as the quote priced it, with a fresh number; not stored yet. */
    private static CustomerOrder newOrder(String placedBy, String customerId, OrderRequest request, Quote quote,
            PaymentProvider provider) {
        CustomerOrder order = new CustomerOrder();
        order.number = newNumber();
        order.placedFrom = request.placedFrom();
        order.idempotencyKey = request.idempotencyKey();
        order.placedBy = placedBy;
        order.customerId = customerId == null ? null : UUID.fromString(customerId);
        order.email = request.delivery().email();
        order.shipTo = request.delivery().shippingAddress();
        order.paymentMethod = provider.id();
        order.shippingMethod = quote.shipping().id();
        order.shippingLabel = quote.shipping().label();
        order.currency = quote.total().currency();
        order.subtotal = quote.goods().amount();
        order.shippingCost = quote.shipping().cost().amount();
        order.vatRate = quote.vatRate();
        order.vat = quote.vat().amount();
        order.pricesIncludeVat = quote.pricesIncludeVat();
        order.total = quote.total().amount();
        int position = 0;
        for (Quote.Line q : quote.lines()) {
            OrderLine line = new OrderLine();
            line.order = order;
            line.position = position++;
            line.sku = q.sku();
            line.productSlug = q.productSlug();
            line.productName = q.productName();
            line.label = q.label();
            line.unitPrice = q.unitPrice().amount();
            line.quantity = q.quantity();
            line.lineTotal = q.lineTotal().amount();
            order.lines.add(line);
        }
        return order;
    }

    /** Collect the payment, after commit: paid, declined (the order is cancelled) or still open (3-D Secure, a transfer). */
    private Placement collect(CustomerOrder order, Basket basket, PaymentProvider provider, String paymentToken) {
        Collection payment = provider.collect(order.number, order.money(order.total), paymentToken);
        apply(order.number, provider, payment);
        announce(event(order, basket));
        metrics.counter("storefront.orders.placed", "payment", provider.id()).increment();
        // Unchanged since commit unless the payment moved it: then read it back, else answer from memory.
        OrderView view = payment.outcome() == Collection.Outcome.PENDING ? orders.view(order) : orders.view(order.number).orElseThrow();
        return new Placement(view, false, access.token(order.number), payment.clientSecret());
    }

    /**
     * Tells the observers (the cart takes out what was ordered, so the confirmation shows it gone). The order is
     * committed by now, so whatever they throw (Redis timing out in a burst) must not answer it with an error: the
     * shopper would retry an order they have. What they do that matters is repeated from the outbox.
     */
    private void announce(OrderPlaced placed) {
        try {
            placedEvents.fire(placed);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Order %s is placed, but a step after its commit failed; the outbox repeats it", placed.orderNumber());
        }
    }

    /** Records what the provider said: paid, or declined (the order is cancelled and the shopper told), or still open. */
    private void apply(String number, PaymentProvider provider, Collection payment) {
        switch (payment.outcome()) {
            // If staff or the expiry cancelled the order meanwhile, markPaid queues the money to go back.
            case PAID -> orders.markPaid(number, payment.reference(), "Paid by " + provider.label());
            case DECLINED -> {
                if (payment.reference() != null) {
                    orders.recordPaymentReference(number, payment.reference()); // so the open intent is voided
                }
                orders.cancelUnpaid(number, "Payment declined: " + payment.message());
                throw new PaymentDeclined("paymentMethod", "Your payment was declined (" + payment.message()
                        + "). Order " + number + " was cancelled and nothing was charged; you can try another payment method.");
            }
            case PENDING -> {
                if (payment.reference() != null) {
                    orders.recordPaymentReference(number, payment.reference());
                }
            }
        }
    }

    /**
     * The order an earlier submission with this key placed. If its card payment was still open, the provider is asked
     * again, so a retry after a timeout or after 3-D Secure shows where the payment stands now.
     */
    private Optional<Placement> replay(String key, String placedBy, OrderRequest request) {
        record Earlier(OrderView view, CustomerOrder order) {
        }
        Optional<Earlier> found = QuarkusTransaction.requiringNew().call(() -> CustomerOrder.findByIdempotencyKey(key).map(existing -> {
            if (!existing.placedBy.equals(placedBy)) {
                throw new Refused("idempotencyKey", "This idempotency key was already used for another checkout.");
            }
            if (!asked(existing, request)) {
                throw new AlreadyPlaced("idempotencyKey", "This idempotency key already placed order " + existing.number
                        + " with other details (delivery, shipping, payment or total). Send a new key to place a different order.");
            }
            return new Earlier(orders.view(existing), existing);
        }));
        return found.map(earlier -> {
            CustomerOrder order = earlier.order();
            Optional<PaymentProvider> openCard = !order.status.awaitsPayment() ? Optional.empty()
                    : payments.find(order.paymentMethod).filter(PaymentProvider::needsPaymentToken);
            if (openCard.isEmpty()) {
                return new Placement(earlier.view(), true, access.token(order.number), null);
            }
            Collection now = openCard.get().recheck(order.number, order.paymentReference, order.money(order.total), request.paymentToken());
            apply(order.number, openCard.get(), now);
            OrderView view = now.outcome() == Collection.Outcome.PENDING ? earlier.view() : orders.view(order.number).orElseThrow();
            return new Placement(view, true, access.token(order.number), now.clientSecret());
        });
    }

    /** Whether the order is what this request asks for, in every detail the request gives (a true repeat). */
    private static boolean asked(CustomerOrder order, OrderRequest request) {
        return (request.delivery() == null || request.delivery().equals(DeliveryForm.of(order)))
                && (request.shippingMethod() == null || request.shippingMethod().equals(order.shippingMethod))
                && (request.paymentMethod() == null || request.paymentMethod().equals(order.paymentMethod))
                && (request.expectedTotal() == null || request.expectedTotal().compareTo(order.total) == 0);
    }

    private static OrderPlaced event(CustomerOrder order, Basket basket) {
        List<OrderPlaced.Line> lines = order.lines.stream().map(l -> new OrderPlaced.Line(l.sku, l.quantity)).toList();
        return new OrderPlaced(order.number, basket.id(), order.customerId == null ? null : order.customerId.toString(),
                order.email, lines, order.money(order.total), order.placedAt);
    }

    private static Refused soldOut(Quote quote, List<String> skus) {
        List<String> names = quote.lines().stream().filter(l -> skus.contains(l.sku()))
                .map(l -> l.label().isEmpty() ? l.productName() : l.productName() + " (" + l.label() + ")").toList();
        return soldOut(names.isEmpty() ? skus : names);
    }

    private static Refused soldOut(List<String> names) {
        return new Refused("sku", "Sold out: " + String.join(", ", names) + " sold out before your order went through. "
                + "Nothing was reserved or charged; please review your cart.");
    }

    static boolean isUniqueViolation(Throwable e, String constraintPart) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException c && c.getConstraintName() != null
                    && c.getConstraintName().contains(constraintPart)) {
                return true;
            }
        }
        return false;
    }

    private static String newNumber() {
        StringBuilder number = new StringBuilder("SF-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                number.append('-');
            }
            number.append(NUMBER_ALPHABET.charAt(RANDOM.nextInt(NUMBER_ALPHABET.length())));
        }
        return number.toString();
    }
}
