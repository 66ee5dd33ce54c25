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
import shop.storefront.checkout.internal.domain.CartEmpty;
import shop.storefront.checkout.internal.payment.PaymentMethods;
import shop.storefront.checkout.internal.payment.PaymentProvider;
import shop.storefront.checkout.internal.pricing.Quote;
import shop.storefront.checkout.internal.pricing.ShippingOption;
import shop.storefront.checkout.internal.service.Checkout;
import shop.storefront.checkout.internal.service.DeliveryForm;
import shop.storefront.checkout.internal.service.OrderAccess;
import shop.storefront.checkout.internal.service.OrderPlacement;
import shop.storefront.checkout.internal.service.OrderRequest;
import shop.storefront.platform.Countries;
import shop.storefront.platform.DomainException;
import shop.storefront.platform.InvalidInput;
import shop.storefront.platform.Money;
import shop.storefront.platform.PaymentDeclined;
import shop.storefront.web.ClientAddress;
import shop.storefront.web.ErrorStatus;
import shop.storefront.web.FormView;
import shop.storefront.web.Redirects;

/**
 * The checkout pages: address → delivery → payment → review → place. Each step posts, is checked, saved and
 * redirects to the next; a refused step is shown again with the shopper's input and what to change.
 */
@Path("/checkout")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class CheckoutPages {

    /** A payment method as the payment page offers it. */
    record PaymentChoice(String id, String label, String description) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance address(FormView form, List<Map.Entry<String, String>> countries, boolean guest,
                StepSummary summary);

        static native TemplateInstance shipping(List<ShippingOption> options, FormView form, String country, StepSummary summary);

        static native TemplateInstance payment(List<PaymentChoice> methods, FormView form, StepSummary summary);

        static native TemplateInstance review(Quote quote, DeliveryForm delivery, String shippingLabel, String paymentLabel,
                String idempotencyKey, String error);
    }

    private static final String SHIPPING = "shippingMethod";
    private static final String PAYMENT = "paymentMethod";

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
        Map<String, String> fields = state.fields(basket());
        DeliveryForm saved = state.delivery(fields);
        DeliveryForm form = saved != null ? saved : prefill();
        return Response.ok(Templates.address(FormView.of(form.fields()), countries.choices(), checkout.customerId().isEmpty(),
                summary(fields))).build();
    }

    @POST
    @Path("address")
    public Response address(@FormParam("email") String email, @FormParam("fullName") String fullName, @FormParam("line1") String line1,
            @FormParam("line2") String line2, @FormParam("city") String city, @FormParam("postalCode") String postalCode,
            @FormParam("country") String country, @FormParam("phone") String phone) {
        Basket basket = basket();
        DeliveryForm typed = new DeliveryForm(email, fullName, line1, line2, city, postalCode, country, phone);
        try {
            String mail = checkout.customerId().flatMap(customers::contact).map(CustomerContact::email).orElse(email);
            state.saveDelivery(basket, typed.withEmail(mail).checked(countries));
            return seeOther("/checkout/shipping");
        } catch (InvalidInput e) {
            FormView form = FormView.refused(typed.shownBack().fields(), e);
            return Response.status(ErrorStatus.of(e)).entity(Templates.address(form, countries.choices(), checkout.customerId().isEmpty(),
                    summary(state.fields(basket)))).build();
        }
    }

    @GET
    @Path("shipping")
    public Response shippingPage() {
        Map<String, String> saved = state.fields(basket());
        DeliveryForm delivery = state.delivery(saved);
        if (delivery == null || !checkout.hasItems()) {
            return seeOther("/checkout/address");
        }
        List<ShippingOption> options = checkout.shippingOptions(delivery.country());
        String selected = saved.getOrDefault("shippingMethod", options.getFirst().id());
        return Response.ok(Templates.shipping(options, FormView.of(Map.of(SHIPPING, selected)), Countries.name(delivery.country()),
                summary(saved))).build();
    }

    @POST
    @Path("shipping")
    public Response shipping(@FormParam("shippingMethod") String method) {
        Basket basket = basket();
        Map<String, String> saved = state.fields(basket);
        DeliveryForm delivery = state.delivery(saved);
        if (delivery == null) {
            return seeOther("/checkout/address");
        }
        List<ShippingOption> options = checkout.shippingOptions(delivery.country());
        if (options.stream().noneMatch(o -> o.id().equals(method))) {
            FormView form = FormView.refused(Map.of(SHIPPING, ""), new InvalidInput(SHIPPING, "Choose one of the delivery options below."));
            return Response.status(400).entity(Templates.shipping(options, form, Countries.name(delivery.country()), summary(saved))).build();
        }
        state.save(basket, Map.of(SHIPPING, method));
        return seeOther("/checkout/payment");
    }

    @GET
    @Path("payment")
    public Response paymentPage() {
        Map<String, String> saved = state.fields(basket());
        if (!saved.containsKey(SHIPPING)) {
            return seeOther("/checkout/shipping");
        }
        List<PaymentChoice> methods = pageMethods();
        FormView form = FormView.of(Map.of(PAYMENT, saved.getOrDefault(PAYMENT, methods.getFirst().id())));
        return Response.ok(Templates.payment(methods, form, summary(saved))).build();
    }

    @POST
    @Path("payment")
    public Response payment(@FormParam("paymentMethod") String method) {
        List<PaymentChoice> methods = pageMethods();
        if (methods.stream().noneMatch(m -> m.id().equals(method))) {
            FormView form = FormView.refused(Map.of(PAYMENT, ""), new InvalidInput(PAYMENT, "Choose one of the payment methods below."));
            return Response.status(400).entity(Templates.payment(methods, form, summary(state.fields(basket())))).build();
        }
        state.save(basket(), Map.of(PAYMENT, method));
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
        } catch (PaymentDeclined e) {
            // Nothing was bought: the next submission is a new order, perhaps with another payment method.
            state.newAttempt(basket);
            return refused(basket, saved, e);
        } catch (DomainException e) {
            return refused(basket, saved, e);
        }
    }

    /** A refused order shown on the review page with what to change, or on the payment page when review cannot be shown. */
    private Response refused(Basket basket, Map<String, String> saved, DomainException e) {
        int status = ErrorStatus.of(e);
        if (!checkout.hasItems() || state.delivery(saved) == null || !saved.containsKey("shippingMethod")) {
            FormView form = FormView.refused(Map.of(PAYMENT, saved.getOrDefault(PAYMENT, "")), e);
            return Response.status(status).entity(Templates.payment(pageMethods(), form, summary(saved))).build();
        }
        return Response.status(status).entity(review(basket, saved, e.getMessage())).build();
    }

    private TemplateInstance review(Basket basket, Map<String, String> saved, String error) {
        DeliveryForm delivery = state.delivery(saved);
        Quote quote = checkout.quote(delivery.country(), saved.get("shippingMethod"));
        String paymentLabel = payments.find(saved.get("paymentMethod")).map(PaymentProvider::label).orElse(saved.get("paymentMethod"));
        return Templates.review(quote, delivery, quote.shipping().label(), paymentLabel, state.idempotencyKey(basket), error);
    }

    /**
     * The order so far for the summary beside each step's form: with the delivery once a method is saved and still
     * offered, else the items alone; null when the cart was emptied meanwhile.
     */
    private StepSummary summary(Map<String, String> saved) {
        if (!checkout.hasItems()) {
            return null;
        }
        DeliveryForm delivery = state.delivery(saved);
        String method = saved.get(SHIPPING);
        if (delivery != null && method != null && checkout.shippingOptions(delivery.country()).stream().anyMatch(o -> o.id().equals(method))) {
            return StepSummary.of(checkout.quote(delivery.country(), method));
        }
        return StepSummary.beforeDelivery(checkout.items());
    }

    /** Card payments need Stripe.js in the page, which this server-rendered checkout does not load yet (see README). */
    private List<PaymentChoice> pageMethods() {
        return payments.offered().stream().filter(p -> !p.needsPaymentToken())
                .map(p -> new PaymentChoice(p.id(), p.label(), p.description())).toList();
    }

    /** A customer's form starts from their default shipping address, or at least their name and e-mail address. */
    private DeliveryForm prefill() {
        return checkout.customerId().flatMap(customers::contact)
                .map(c -> c.defaultShipping().map(a -> DeliveryForm.of(c.email(), a))
                        .orElseGet(() -> new DeliveryForm(c.email(), c.fullName(), "", "", "", "", "", "")))
                .orElseGet(DeliveryForm::blank);
    }

    private Basket basket() {
        return checkout.basket().orElseThrow(CartEmpty::new);
    }

    private static BigDecimal total(String text) {
        return Money.parsePlainAmount(text).orElseThrow(() -> new InvalidInput("expectedTotal",
                "This form is incomplete. Go back to the review page and try again."));
    }

    private static Response seeOther(String path) {
        return Redirects.seeOther(path);
    }
}
