package shop.storefront.checkout.internal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import shop.storefront.checkout.internal.domain.OrderNotFound;
import shop.storefront.checkout.internal.service.Checkout;
import shop.storefront.checkout.internal.service.OrderAccess;
import shop.storefront.checkout.internal.service.OrderView;
import shop.storefront.checkout.internal.service.Orders;
import shop.storefront.platform.EmailAddress;
import shop.storefront.platform.FieldText;
import shop.storefront.platform.InvalidFieldException;
import shop.storefront.platform.NotFound;
import shop.storefront.web.ClientAddress;
import shop.storefront.web.Redirects;

/** Order history and detail for customers; confirmation pages and order lookup (number + e-mail) for guests. */
@Path("/orders")
@Produces(MediaType.TEXT_HTML)
public class OrderPages {

    /** The lookup form's limit for an order number (numbers look like SF-XXXX-XXXX). */
    private static final int ORDER_NUMBER_MAX = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance history(List<OrderView> orders);

        static native TemplateInstance detail(OrderView order, boolean justPlaced);

        static native TemplateInstance lookup(String number, String email, String error);
    }

    private final Orders orders;
    private final OrderAccess access;
    private final Checkout checkout;
    private final OrderLookupLimiter lookupLimiter;

    OrderPages(Orders orders, OrderAccess access, Checkout checkout, OrderLookupLimiter lookupLimiter) {
        this.orders = orders;
        this.access = access;
        this.checkout = checkout;
        this.lookupLimiter = lookupLimiter;
    }

    @GET
    @Authenticated
    public TemplateInstance history() {
        return Templates.history(orders.ofCustomer(checkout.customerId().orElseThrow(), 100));
    }

    @GET
    @Path("lookup")
    public TemplateInstance lookupPage() {
        return Templates.lookup("", "", null);
    }

    /**
     * The same answer for a wrong number and a wrong e-mail, and a limited number of tries, so the form cannot be
     * used to find orders.
     */
    @POST
    @Path("lookup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response lookup(@FormParam("number") String number, @FormParam("email") String email, RoutingContext ctx) {
        OptionalLong wait = lookupLimiter.attempt(clientAddress(ctx), number);
        if (wait.isPresent()) {
            return Response.fromResponse(lookupAgain(429, number, email, "Too many look-ups. Try again in "
                    + seconds(wait.getAsLong()) + ".")).header("Retry-After", wait.getAsLong()).build();
        }
        Optional<OrderView> found;
        try {
            found = orders.lookup(number, email);
        } catch (InvalidFieldException e) {
            return lookupAgain(400, number, email, e.getMessage());
        }
        if (found.isPresent()) {
            return Redirects.seeOther(access.guestPath(found.get().number()));
        }
        return lookupAgain(404, number, email, "We found no order with that number and e-mail address. Check both and try again.");
    }

    /** The look-up form again with what was typed (cut to the form's limits) and why it did not find the order. */
    private static Response lookupAgain(int status, String number, String email, String message) {
        return Response.status(status).entity(Templates.lookup(FieldText.echo(number, ORDER_NUMBER_MAX),
                FieldText.echo(email, EmailAddress.MAX_LENGTH), message)).build();
    }

    @GET
    @Path("{number}")
    public TemplateInstance detail(@PathParam("number") String number, @QueryParam("token") String token,
            @QueryParam("placed") String placed) {
        boolean owner = checkout.customerId().isPresent() && checkout.customerId().equals(orders.customerOf(number));
        if (!owner && !access.tokenMatches(number, token)) {
            throw new NotFound("We could not find that order. Sign in, or look it up with its number and your e-mail address.");
        }
        return Templates.detail(orders.view(number).orElseThrow(() -> new OrderNotFound(number)),
                placed != null);
    }

    private static String clientAddress(RoutingContext ctx) {
        return ClientAddress.of(ctx).limitKey();
    }

    private static String seconds(long count) {
        return count + (count == 1 ? " second" : " seconds");
    }
}
