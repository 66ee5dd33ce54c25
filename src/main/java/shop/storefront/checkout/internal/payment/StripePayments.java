package shop.storefront.checkout.internal.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Duration;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import shop.storefront.checkout.internal.config.CheckoutConfig;
import shop.storefront.checkout.internal.config.StripeConfig;
import shop.storefront.platform.Digests;
import shop.storefront.platform.Money;

/**
 * Card payments through Stripe PaymentIntents: create, then confirm with the PaymentMethod the shopper's browser
 * obtained from Stripe.js. A decline cancels the order; a timeout or an authentication step leaves it waiting for
 * Stripe's webhook (or for the payment window to close).
 */
@ApplicationScoped
public class StripePayments implements PaymentProvider {

    private static final Logger LOG = Logger.getLogger(StripePayments.class);

    private final StripeApi stripe;
    private final StripeConfig config;
    private final Duration window;

    StripePayments(@RestClient StripeApi stripe, StripeConfig config, CheckoutConfig checkout) {
        this.stripe = stripe;
        this.config = config;
        this.window = checkout.cardPaymentWindow();
    }

    public boolean available() {
        return config.enabled();
    }

    @Override
    public String id() {
        return "card";
    }

    @Override
    public String label() {
        return "Card";
    }

    @Override
    public String description() {
        return "Visa, Mastercard or American Express, processed by Stripe.";
    }

    @Override
    public Optional<Duration> paymentWindow() {
        return Optional.of(window);
    }

    @Override
    public boolean needsPaymentToken() {
        return true;
    }

    @Override
    public Collection collect(String orderNumber, Money amount, String paymentToken) {
        MultivaluedMap<String, String> intent = new MultivaluedHashMap<>();
        intent.add("amount", Long.toString(minorUnits(amount)));
        intent.add("currency", amount.currency().toLowerCase(Locale.ROOT));
        intent.add("payment_method", paymentToken);
        intent.add("payment_method_types[]", "card");
        intent.add("description", "Storefront order " + orderNumber);
        intent.add("metadata[order_number]", orderNumber);
        String reference = null;
        // Keyed by order and card: repeating the same attempt gets Stripe's first answers back, while another card
        // (a new attempt, which Stripe would refuse under the same key) gets a fresh PaymentIntent. An intent whose
        // create timed out was never confirmed, so it cannot charge alongside.
        String attempt = orderNumber + "-" + Digests.sha256Hex(paymentToken).substring(0, 16);
        try {
            StripeApi.PaymentIntent created = stripe.createPaymentIntent(auth(), attempt + "-create", intent);
            reference = created.id();
            StripeApi.PaymentIntent confirmed = stripe.confirmPaymentIntent(auth(), attempt + "-confirm", created.id(),
                    new MultivaluedHashMap<>());
            return outcome(confirmed);
        } catch (WebApplicationException e) {
            return refusal(e, reference);
        } catch (ProcessingException e) {
            // No answer (timeout, connection reset): the charge may or may not have happened. The webhook tells.
            LOG.warnf("Stripe did not answer for order %s (%s); waiting for its webhook", orderNumber, e.getMessage());
            return Collection.pending(reference, "awaiting confirmation from Stripe");
        }
    }

    @Override
    public Collection recheck(String orderNumber, String paymentReference, Money amount, String paymentToken) {
        if (paymentReference == null) {
            // Stripe never named the payment: ask again (same card, same answers; another card, a new attempt).
            return collect(orderNumber, amount, paymentToken);
        }
        try {
            return outcome(stripe.getPaymentIntent(auth(), paymentReference));
        } catch (WebApplicationException e) {
            return refusal(e, paymentReference);
        } catch (ProcessingException e) {
            return Collection.pending(paymentReference, "awaiting confirmation from Stripe");
        }
    }

    @Override
    public void refund(String orderNumber, String paymentReference, Money amount) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("payment_intent", paymentReference);
        form.add("amount", Long.toString(minorUnits(amount)));
        form.add("metadata[order_number]", orderNumber);
        // A fresh key per call: Stripe replays a key's first answer (a 500 too) for a day, which would make every
        // retry fail. A second full refund cannot pay out twice: Stripe refuses it as already refunded.
        try {
            stripe.createRefund(auth(), orderNumber + "-refund-" + UUID.randomUUID(), form);
        } catch (WebApplicationException e) {
            StripeApi.ApiError error = apiError(e);
            if (error == null || !"charge_already_refunded".equals(error.code())) {
                throw e;
            }
            LOG.infof("Order %s: Stripe had already refunded payment %s", orderNumber, paymentReference);
        }
    }

    @Override
    public boolean settleCancelled(String orderNumber, String paymentReference, Money amount) {
        if (paymentReference == null) {
            LOG.warnf("Order %s was cancelled before Stripe named its payment; check the Stripe dashboard for it", orderNumber);
            return false;
        }
        StripeApi.PaymentIntent intent;
        try {
            intent = stripe.getPaymentIntent(auth(), paymentReference);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 404) {
                throw e;
            }
            LOG.warnf("Stripe knows no payment %s (order %s); nothing to settle", paymentReference, orderNumber);
            return false;
        }
        switch (intent.status()) {
            case "succeeded" -> {
                refund(orderNumber, paymentReference, amount);
                return true;
            }
            case "canceled" -> {
                return false;
            }
            // Stripe cannot cancel a payment it is processing: the message is tried again once it has settled.
            case "processing" -> throw new IllegalStateException("Stripe is still processing payment " + paymentReference);
            default -> {
                stripe.cancelPaymentIntent(auth(), orderNumber + "-cancel-" + UUID.randomUUID(), paymentReference, new MultivaluedHashMap<>());
                return false;
            }
        }
    }

    private static Collection outcome(StripeApi.PaymentIntent intent) {
        return switch (intent.status()) {
            case "succeeded" -> Collection.paid(intent.id());
            case "requires_payment_method", "canceled" -> Collection.declined(intent.id(),
                    intent.lastPaymentError() == null ? "the card was not accepted" : intent.lastPaymentError().message());
            case "requires_action" -> Collection.needsAuthentication(intent.id(), intent.clientSecret());
            default -> Collection.pending(intent.id(), "payment " + intent.status().replace('_', ' '));
        };
    }

    /** 402 is a decline (with Stripe's reason); any other error leaves the payment for the webhook to settle. */
    private static Collection refusal(WebApplicationException e, String reference) {
        StripeApi.ApiError error = apiError(e);
        String ref = error != null && error.paymentIntent() != null ? error.paymentIntent().id() : reference;
        if (e.getResponse().getStatus() == 402 || (error != null && "card_error".equals(error.type()))) {
            return Collection.declined(ref, error == null || error.message() == null ? "the card was declined" : error.message());
        }
        LOG.errorf("Stripe answered %d (%s)", e.getResponse().getStatus(), error == null ? "no error body" : error.message());
        return Collection.pending(ref, "awaiting confirmation from Stripe");
    }

    /** Stripe's error object from an error answer, or null when the body is not Stripe's error shape. */
    private static StripeApi.ApiError apiError(WebApplicationException e) {
        try {
            StripeApi.ErrorBody body = e.getResponse().readEntity(StripeApi.ErrorBody.class);
            return body == null ? null : body.error();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private String auth() {
        return "Bearer " + config.secretKey().orElseThrow(() -> new IllegalStateException("storefront.stripe.secret-key is not set"));
    }

    static long minorUnits(Money amount) {
        return amount.amount().movePointRight(Currency.getInstance(amount.currency()).getDefaultFractionDigits()).longValueExact();
    }
}
