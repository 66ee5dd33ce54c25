package shop.storefront.checkout.internal.payment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The slice of Stripe's HTTP API the storefront uses (form-encoded requests, JSON answers). Every change carries an
 * Idempotency-Key, so a retry after a timeout never charges twice. Address: quarkus.rest-client.stripe.url.
 */
@RegisterRestClient(configKey = "stripe")
@Path("/v1")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.APPLICATION_JSON)
interface StripeApi {

    @POST
    @Path("/payment_intents")
    PaymentIntent createPaymentIntent(@HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey, MultivaluedMap<String, String> form);

    @POST
    @Path("/payment_intents/{id}/confirm")
    PaymentIntent confirmPaymentIntent(@HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") String id, MultivaluedMap<String, String> form);

    @GET
    @Path("/payment_intents/{id}")
    PaymentIntent getPaymentIntent(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    @POST
    @Path("/payment_intents/{id}/cancel")
    PaymentIntent cancelPaymentIntent(@HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") String id, MultivaluedMap<String, String> form);

    @POST
    @Path("/refunds")
    Refund createRefund(@HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey, MultivaluedMap<String, String> form);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PaymentIntent(String id, String status, @JsonProperty("last_payment_error") ApiError lastPaymentError,
            @JsonProperty("client_secret") String clientSecret) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Refund(String id, String status) {
    }

    /** Stripe's error body: {"error": {...}}; read from error responses, so registered for native reflection by hand. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorBody(ApiError error) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ApiError(String type, String code, String message, @JsonProperty("payment_intent") PaymentIntent paymentIntent) {
    }
}
