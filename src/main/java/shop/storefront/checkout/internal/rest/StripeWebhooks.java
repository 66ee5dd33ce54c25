package shop.storefront.checkout.internal.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import shop.storefront.checkout.internal.config.StripeConfig;
import shop.storefront.checkout.internal.payment.StripeSignature;
import shop.storefront.checkout.internal.service.PaymentEvents;
import shop.storefront.platform.InvalidInput;

/** Stripe's webhook endpoint: signed events settle card payments that did not finish during checkout. */
@Path("/api/v1/payments/stripe/webhook")
public class StripeWebhooks {

    private final StripeConfig config;
    private final PaymentEvents events;
    private final ObjectMapper json;

    StripeWebhooks(StripeConfig config, PaymentEvents events, ObjectMapper json) {
        this.config = config;
        this.events = events;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Stripe webhook", description = "Receives Stripe events; the Stripe-Signature header must verify.")
    public Response receive(@HeaderParam("Stripe-Signature") String signature, String body) {
        String secret = config.webhookSecret().filter(s -> !s.isBlank()).orElse(null);
        if (secret == null) {
            return Response.status(404).build();
        }
        if (!StripeSignature.verify(signature, body, secret, config.webhookTolerance(), Instant.now())) {
            throw new InvalidInput("Stripe-Signature", "The webhook signature does not verify.");
        }
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidInput("body", "The webhook body is not valid JSON.");
        }
        String id = event.path("id").asText(null);
        String type = event.path("type").asText("");
        if (id == null) {
            throw new InvalidInput("id", "The event has no id.");
        }
        JsonNode intent = event.path("data").path("object");
        PaymentEvents.Kind kind = switch (type) {
            case "payment_intent.succeeded" -> PaymentEvents.Kind.SUCCEEDED;
            case "payment_intent.payment_failed", "payment_intent.canceled" -> PaymentEvents.Kind.FAILED;
            default -> PaymentEvents.Kind.OTHER;
        };
        String reason = intent.path("last_payment_error").path("message").asText("the card was not accepted");
        boolean applied = events.apply(id, type, kind, intent.path("metadata").path("order_number").asText(null),
                intent.path("id").asText(null), reason);
        return Response.ok(java.util.Map.of("received", true, "duplicate", !applied)).build();
    }
}
