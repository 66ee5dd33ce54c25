package shop.storefront.checkout.internal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
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
import shop.storefront.checkout.internal.domain.OrderNotFound;
import shop.storefront.checkout.internal.service.BackOfficeOrders;
import shop.storefront.checkout.internal.service.OrderFilter;
import shop.storefront.checkout.internal.service.Orders;
import shop.storefront.checkout.internal.service.StaffOrderActions;
import shop.storefront.platform.DomainException;
import shop.storefront.platform.FieldText;
import shop.storefront.platform.InvalidInput;
import shop.storefront.platform.NotFound;
import shop.storefront.web.ErrorStatus;
import shop.storefront.web.Redirects;

/**
 * The back office's orders: the filtered list, and one order with the actions its status allows (as forms, so they
 * work without JavaScript). An action that cannot be done shows the order again with the reason and the typed note.
 */
@Path("/admin/orders")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("admin")
public class AdminOrderPages {

    /** A refusal shown next to the form (or filter field) it is about. */
    public record Problem(String field, String message, String action) {
        static final Problem NONE = new Problem(null, null, null);

        static Problem of(DomainException e, String action) {
            return new Problem(e.field(), e.getMessage(), action);
        }

        /** Whether the refusal is about this field (of this action's form, when it names one). */
        public boolean about(String fieldName) {
            return message != null && fieldName.equals(field);
        }

        /** Whether the refusal came from this action's form. */
        public boolean from(String actionPath) {
            return message != null && actionPath.equals(action);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(BackOfficeOrders.Page orders, OrderFilterParams.Typed filter,
                List<OrderFilter.Stage> stages, String previousPath, String nextPath, Problem problem);

        static native TemplateInstance detail(BackOfficeOrders.Detail detail, String notice, Problem problem, String note,
                int noteMax);
    }

    private final BackOfficeOrders orders;
    private final StaffOrderActions actions;

    AdminOrderPages(BackOfficeOrders orders, StaffOrderActions actions) {
        this.orders = orders;
        this.actions = actions;
    }

    @GET
    public Response list(@QueryParam("status") String status, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("q") String q, @QueryParam("page") String page) {
        OrderFilterParams.Typed typed = OrderFilterParams.Typed.of(status, from, to, q);
        OrderFilter filter;
        try {
            filter = OrderFilterParams.parse(status, from, to, q, page);
        } catch (InvalidInput e) {
            BackOfficeOrders.Page none = new BackOfficeOrders.Page(List.of(), 0, 1);
            return Response.status(ErrorStatus.of(e)).entity(Templates.list(none, typed, stages(), null, null, Problem.of(e, null)))
                    .build();
        }
        BackOfficeOrders.Page found = orders.list(filter);
        String previous = found.hasPrevious() ? listPath(filter, found.page() - 1) : null;
        String next = found.hasNext() ? listPath(filter, found.page() + 1) : null;
        return Response.ok(Templates.list(found, typed, stages(), previous, next, Problem.NONE)).build();
    }

    @GET
    @Path("{number}")
    public TemplateInstance detail(@PathParam("number") String number, @QueryParam("done") String done) {
        BackOfficeOrders.Detail detail = known(number);
        String notice = StaffOrderActions.Action.ofPath(done == null ? "" : done).map(a -> notice(a, detail)).orElse(null);
        return Templates.detail(detail, notice, Problem.NONE, "", StaffOrderActions.NOTE_MAX);
    }

    /** Post/redirect/get: done, the order page with a notice; refused, the order page again with the reason (4xx). */
    @POST
    @Path("{number}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("number") String number, @PathParam("action") String actionPath, @FormParam("note") String note,
            @FormParam("seen") String seen) {
        BackOfficeOrders.Detail before = known(number);
        StaffOrderActions.Action action = StaffOrderActions.Action.ofPath(actionPath)
                .orElseThrow(() -> new NotFound("There is no order action '" + FieldText.echo(actionPath, 40) + "'."));
        try {
            actions.perform(action, before.order().number(), note, seen == null ? "" : seen);
            return Redirects.seeOther("/admin/orders/" + before.order().number() + "?done=" + action.path());
        } catch (DomainException e) {
            return Response.status(ErrorStatus.of(e)).entity(Templates.detail(known(number), null, Problem.of(e, action.path()),
                    FieldText.echo(note, StaffOrderActions.NOTE_MAX), StaffOrderActions.NOTE_MAX)).build();
        }
    }

    private BackOfficeOrders.Detail known(String number) {
        String typed = Orders.typedNumber(number);
        Optional<BackOfficeOrders.Detail> detail = typed != null && typed.matches(Orders.NUMBER) ? orders.detail(typed) : Optional.empty();
        return detail.orElseThrow(() -> new OrderNotFound(FieldText.echo(number, 20)));
    }

    private static String notice(StaffOrderActions.Action action, BackOfficeOrders.Detail detail) {
        String number = detail.order().number();
        return switch (action) {
            case MARK_PAID -> "Order " + number + " is marked paid.";
            case FULFIL -> "Order " + number + " is marked shipped.";
            case CANCEL -> "Order " + number + " is cancelled; its stock is back on sale.";
            case REFUND -> "Order " + number + " is refunded. " + detail.refundDone();
        };
    }

    private static List<OrderFilter.Stage> stages() {
        return List.of(OrderFilter.Stage.values());
    }

    private static String listPath(OrderFilter filter, int page) {
        String query = filter.queryString(page);
        return "/admin/orders" + (query.isEmpty() ? "" : "?" + query);
    }
}
