package shop.storefront.checkout.internal.rest;

import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import shop.storefront.checkout.internal.domain.OrderNotFound;
import shop.storefront.checkout.internal.payment.PaymentMethods;
import shop.storefront.checkout.internal.pricing.Quote;
import shop.storefront.checkout.internal.pricing.ShippingOption;
import shop.storefront.checkout.internal.service.Checkout;
import shop.storefront.checkout.internal.service.DeliveryForm;
import shop.storefront.checkout.internal.service.OrderAccess;
import shop.storefront.checkout.internal.service.OrderPlacement;
import shop.storefront.checkout.internal.service.OrderRequest;
import shop.storefront.checkout.internal.service.OrderView;
import shop.storefront.checkout.internal.service.Orders;
import shop.storefront.platform.Countries;
import shop.storefront.platform.InvalidInput;
import shop.storefront.platform.Money;
import shop.storefront.platform.NotFound;
import shop.storefront.web.ClientAddress;

/** Checkout and orders as JSON, for the current shopper's cart (cart cookie or session). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Checkout")
public class CheckoutApi {

    public record Address(String fullName, String line1, String line2, String city, String postalCode, String country, String phone) {

        DeliveryForm deliveryFor(String email) {
            return new DeliveryForm(email, fullName, line1, line2, city, postalCode, country, phone);
        }
    }

    public record QuoteRequest(String country, String shippingMethod) {
    }

    public record QuoteResponse(List<ShippingOption> shippingOptions, Quote quote) {
    }

    /** {@code expectedTotal}: the total you showed the shopper, as a decimal string; a different total refuses the order. */
    public record OrderBody(String email, Address shippingAddress, String shippingMethod, String paymentMethod,
            String paymentMethodId, String expectedTotal) {
    }

    /** {@code paymentClientSecret}: set while a card payment waits for 3-D Secure; pass it to Stripe.js handleNextAction. */
    public record PlacedOrder(OrderView order, String accessToken, String paymentClientSecret) {
    }

    public record PaymentMethod(String id, String label, String description, boolean needsPaymentMethodId) {
    }

    private final Checkout checkout;
    private final Orders orders;
    private final OrderAccess access;
    private final PaymentMethods payments;
    private final Countries countries;

    CheckoutApi(Checkout checkout, Orders orders, OrderAccess access, PaymentMethods payments, Countries countries) {
        this.checkout = checkout;
        this.orders = orders;
        this.access = access;
        this.payments = payments;
        this.countries = countries;
    }

    @GET
    @Path("/checkout/payment-methods")
    @Operation(summary = "Payment methods offered")
    public List<PaymentMethod> paymentMethods() {
        return payments.offered().stream().map(p -> new PaymentMethod(p.id(), p.label(), p.description(), p.needsPaymentToken())).toList();
    }

    @POST
    @Path("/checkout/quote")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Delivery options and, with a shipping method, the full price of the cart for a destination")
    public QuoteResponse quote(QuoteRequest request) {
        if (request == null) {
            throw new InvalidInput("body", "Send a JSON object with country and optionally shippingMethod.");
        }
        String country = countries.requireDeliverable(request.country());
        return new QuoteResponse(checkout.shippingOptions(country),
                request.shippingMethod() == null ? null : checkout.quote(country, request.shippingMethod()));
    }

    @POST
    @Path("/orders")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place an order from the cart",
            description = "Requires an Idempotency-Key header (16–100 of A-Z a-z 0-9 - _). Repeating a request with the same key "
                    + "returns the same order (200) instead of placing another (201).")
    public Response place(@HeaderParam("Idempotency-Key") String idempotencyKey, OrderBody body, RoutingContext ctx) {
        if (body == null || body.shippingAddress() == null) {
            throw new InvalidInput("shippingAddress", "Send email, shippingAddress, shippingMethod and paymentMethod.");
        }
        DeliveryForm delivery = body.shippingAddress().deliveryFor(body.email()).checked(countries);
        OrderPlacement.Placement placed = checkout.place(new OrderRequest(delivery, body.shippingMethod(), body.paymentMethod(),
                body.paymentMethodId(), amount(body.expectedTotal()), idempotencyKey, ClientAddress.of(ctx).limitKey()));
        PlacedOrder entity = new PlacedOrder(placed.order(), placed.accessToken(), placed.paymentClientSecret());
        return placed.replayed() ? Response.ok(entity).build()
                : Response.created(URI.create("/api/v1/orders/" + placed.order().number())).entity(entity).build();
    }

    @GET
    @Path("/orders")
    @Authenticated
    @Operation(summary = "The signed-in customer's orders, newest first")
    public List<OrderView> mine() {
        return orders.ofCustomer(checkout.customerId().orElseThrow(), 100);
    }

    @GET
    @Path("/orders/{number}")
    @Operation(summary = "One order: for its customer, or with the access token returned when it was placed")
    public OrderView order(@PathParam("number") String number, @QueryParam("token") String token) {
        boolean owner = checkout.customerId().isPresent() && checkout.customerId().equals(orders.customerOf(number));
        if (!owner && !access.tokenMatches(number, token)) {
            throw new NotFound("There is no order " + number + " that you can see.");
        }
        return orders.view(number).orElseThrow(() -> new OrderNotFound(number));
    }

    private static BigDecimal amount(String text) {
        if (text == null) {
            return null;
        }
        return Money.parsePlainAmount(text).orElseThrow(() -> new InvalidInput("expectedTotal",
                "expectedTotal must be a decimal amount such as \"49.90\"."));
    }
}
