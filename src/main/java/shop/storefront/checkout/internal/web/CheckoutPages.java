package shop.storefront.checkout.internal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import shop.storefront.account.CustomerContact;
import shop.storefront.account.Customers;
import shop.storefront.checkout.Basket;
import shop.storefront.checkout.internal.payment.PaymentMethods;
import shop.storefront.checkout.internal.payment.PaymentProvider;
import shop.storefront.checkout.internal.pricing.Quote;
import shop.storefront.checkout.internal.pricing.ShippingOption;
import shop.storefront.checkout.internal.service.Checkout;
import shop.storefront.checkout.internal.service.CheckoutException;
import shop.storefront.checkout.internal.service.DeliveryDetails;
import shop.storefront.checkout.internal.service.OrderAccess;
import shop.storefront.checkout.internal.service.OrderPlacement;
import shop.storefront.checkout.internal.service.OrderRequest;
import shop.storefront.platform.Countries;
import shop.storefront.platform.InvalidFieldException;
import shop.storefront.web.ClientAddress;
import shop.storefront.web.Redirects;

/**
 * The checkout pages: address → delivery → payment → review → place. Each step posts, is checked, saved and
 * redirects to the next; a refused step is shown again with the shopper's input and what to change.
 */
@Path("/checkout")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class CheckoutPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance address(Map<String, String> form, List<Map.Entry<String, String>> countries, boolean guest, String error);

        static native TemplateInstance shipping(List<ShippingOption> options, String selected, String country, String error);

        static native TemplateInstance payment(List<PaymentProvider> methods, String selected, String error);

        static native TemplateInstance review(Quote quote, DeliveryDetails delivery, String shippingLabel, String paymentLabel,
                String idempotencyKey, String error);
    }

    private final Checkout checkout;
    private final CheckoutState state;
    private final Countries countries;
    private final PaymentMethods payments;
    private final Customers customers;
    private final OrderAccess access;

    CheckoutPages(Checkout checkout, CheckoutState state, Countries countries, PaymentMethods payments, Customers customers,
            OrderAccess access) {
        this.checkout = checkout;
        this.state = state;
        this.countries = countries;
        this.payments = payments;
        this.customers = customers;
        this.access = access;
    }

    @GET
    public Response start() {
        return seeOther(checkout.hasItems() ? "/checkout/address" : "/cart");
    }

    @GET
    @Path("address")
    public Response addressPage() {
        if (!checkout.hasItems()) {
            return seeOther("/cart");
        }
        Map<String, String> form = state.fields(basket());
        if (!form.containsKey("country")) {
            form = prefill();
        }
        return Response.ok(Templates.address(form, countries.choices(), checkout.customerId().isEmpty(), null)).build();
    }

    @POST
    @Path("address")
    public Response address(@FormParam("email") String email, @FormParam("fullName") String fullName, @FormParam("line1") String line1,
            @FormParam("line2") String line2, @FormParam("city") String city, @FormParam("postalCode") String postalCode,
            @FormParam("country") String country, @FormParam("phone") String phone) {
        Basket basket = basket();
        try {
            String mail = checkout.customerId().flatMap(customers::contact).map(CustomerContact::email).orElse(email);
            state.saveDelivery(basket, DeliveryDetails.of(mail, fullName, line1, line2, city, postalCode, country, phone, countries));
            return seeOther("/checkout/shipping");
        } catch (InvalidFieldException e) {
            Map<String, String> typed = blankForm();
            putShort(typed, "email", email);
            putShort(typed, "fullName", fullName);
            putShort(typed, "line1", line1);
            putShort(typed, "line2", line2);
            putShort(typed, "city", city);
            putShort(typed, "postalCode", postalCode);
            putShort(typed, "country", country);
            putShort(typed, "phone", phone);
            return Response.status(400).entity(Templates.address(typed, countries.choices(), checkout.customerId().isEmpty(), e.getMessage())).build();
        }
    }

    @GET
    @Path("shipping")
    public Response shippingPage() {
        Map<String, String> saved = state.fields(basket());
        DeliveryDetails delivery = state.delivery(saved);
        if (delivery == null || !checkout.hasItems()) {
            return seeOther("/checkout/address");
        }
        List<ShippingOption> options = checkout.shippingOptions(delivery.country());
        String selected = saved.getOrDefault("shippingMethod", options.getFirst().id());
        return Response.ok(Templates.shipping(options, selected, Countries.name(delivery.country()), null)).build();
    }

    @POST
    @Path("shipping")
    public Response shipping(@FormParam("shippingMethod") String method) {
        Basket basket = basket();
        DeliveryDetails delivery = state.delivery(state.fields(basket));
        if (delivery == null) {
            return seeOther("/checkout/address");
        }
        List<ShippingOption> options = checkout.shippingOptions(delivery.country());
        if (options.stream().noneMatch(o -> o.id().equals(method))) {
            return Response.status(400).entity(Templates.shipping(options, options.getFirst().id(), Countries.name(delivery.country()),
                    "Choose one of the delivery options below.")).build();
        }
        state.save(basket, Map.of("shippingMethod", method));
        return seeOther("/checkout/payment");
    }

    @GET
    @Path("payment")
    public Response paymentPage() {
        Map<String, String> saved = state.fields(basket());
        if (!saved.containsKey("shippingMethod")) {
            return seeOther("/checkout/shipping");
        }
        List<PaymentProvider> methods = pageMethods();
        return Response.ok(Templates.payment(methods, saved.getOrDefault("paymentMethod", methods.getFirst().id()), null)).build();
    }

    @POST
    @Path("payment")
    public Response payment(@FormParam("paymentMethod") String method) {
        List<PaymentProvider> methods = pageMethods();
        if (methods.stream().noneMatch(m -> m.id().equals(method))) {
            return Response.status(400).entity(Templates.payment(methods, methods.getFirst().id(), "Choose one of the payment methods below.")).build();
        }
        state.save(basket(), Map.of("paymentMethod", method));
        return seeOther("/checkout/review");
    }

    @GET
    @Path("review")
    public Response reviewPage() {
        Basket basket = basket();
        Map<String, String> saved = state.fields(basket);
        if (!saved.containsKey("paymentMethod") || state.delivery(saved) == null || !checkout.hasItems()) {
            return seeOther("/checkout/payment");
        }
        return Response.ok(review(basket, saved, null)).build();
    }

    @POST
    @Path("place")
    public Response place(@FormParam("idempotencyKey") String idempotencyKey, @FormParam("expectedTotal") String expectedTotal,
            RoutingContext ctx) {
        Basket basket = basket();
        Map<String, String> saved = state.fields(basket);
        try {
            OrderPlacement.Placement placed = checkout.place(new OrderRequest(state.delivery(saved), saved.get("shippingMethod"),
                    saved.get("paymentMethod"), null, total(expectedTotal), idempotencyKey, ClientAddress.of(ctx).limitKey()));
            state.newAttempt(basket);
            return seeOther(access.guestPath(placed.order().number()) + (placed.replayed() ? "" : "&placed=1"));
        } catch (CheckoutException e) {
            if (e.status() == 402) {
                state.newAttempt(basket);
            }
            if (!checkout.hasItems() || state.delivery(saved) == null || !saved.containsKey("shippingMethod")) {
                return Response.status(e.status()).entity(Templates.payment(pageMethods(), saved.get("paymentMethod"), e.getMessage())).build();
            }
            return Response.status(e.status()).entity(review(basket, saved, e.getMessage())).build();
        }
    }

    private TemplateInstance review(Basket basket, Map<String, String> saved, String error) {
        DeliveryDetails delivery = state.delivery(saved);
        Quote quote = checkout.quote(delivery.country(), saved.get("shippingMethod"));
        String paymentLabel = payments.find(saved.get("paymentMethod")).map(PaymentProvider::label).orElse(saved.get("paymentMethod"));
        return Templates.review(quote, delivery, quote.shipping().label(), paymentLabel, state.idempotencyKey(basket), error);
    }

    /** Card payments need Stripe.js in the page, which this server-rendered checkout does not load yet (see README). */
    private List<PaymentProvider> pageMethods() {
        return payments.offered().stream().filter(p -> !p.needsPaymentToken()).toList();
    }

    /** Every field of the address form, blank. */
    private static Map<String, String> blankForm() {
        Map<String, String> form = new java.util.HashMap<>();
        for (String field : List.of("email", "fullName", "line1", "line2", "city", "postalCode", "country", "phone")) {
            form.put(field, "");
        }
        return form;
    }

    private Map<String, String> prefill() {
        Map<String, String> form = blankForm();
        checkout.customerId().flatMap(customers::contact).ifPresent(c -> {
            form.put("email", c.email());
            form.put("fullName", c.fullName());
            c.defaultShipping().ifPresent(a -> {
                form.put("fullName", a.fullName());
                form.put("line1", a.line1());
                form.put("line2", a.line2());
                form.put("city", a.city());
                form.put("postalCode", a.postalCode());
                form.put("country", a.country());
                form.put("phone", a.phone());
            });
        });
        return form;
    }

    private Basket basket() {
        return checkout.basket().orElseThrow(() -> new CheckoutException(409, null, "Your cart is empty: add something to it first."));
    }

    private static BigDecimal total(String text) {
        if (text == null || !text.matches("\\d{1,10}(\\.\\d{1,2})?")) {
            throw new CheckoutException(400, "expectedTotal", "This form is incomplete. Go back to the review page and try again.");
        }
        return new BigDecimal(text);
    }

    /** Typed text shown back in the form, cut to a sane length. */
    private static void putShort(Map<String, String> form, String field, String value) {
        form.put(field, value == null ? "" : value.length() > 254 ? value.substring(0, 254) : value);
    }

    private static Response seeOther(String path) {
        return Redirects.seeOther(path);
    }
}
