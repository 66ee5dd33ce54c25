package shop.storefront.checkout.internal.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import shop.storefront.checkout.internal.domain.OrderNotFound;
import shop.storefront.checkout.internal.service.OrderView;
import shop.storefront.checkout.internal.service.Orders;
import shop.storefront.checkout.internal.service.StaffOrderActions;
import shop.storefront.platform.InvalidInput;

/**
 * Order status changes for staff (role admin): payment received, shipped, cancelled or refunded. JSON only: a
 * browser cannot send that cross-site without a CORS pre-flight, so no other site can make staff click these (a
 * request without the JSON Content-Type needs the CSRF token). Each takes a JSON object, {@code {}} or
 * {@code {"note": "…"}}; the note goes into the order's history in place of the standard wording. Every action is
 * recorded in the audit trail and the order's history under the staff member's name ({@link StaffOrderActions}, the
 * same rules as the back-office pages).
 */
@Path("/api/v1/admin/orders/{number}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "Admin")
public class AdminOrdersApi {

    private final Orders orders;
    private final StaffOrderActions actions;

    AdminOrdersApi(Orders orders, StaffOrderActions actions) {
        this.orders = orders;
        this.actions = actions;
    }

    @POST
    @Path("/mark-paid")
    @Operation(summary = "Record that an unpaid order's payment arrived (e.g. a bank transfer)")
    public OrderView markPaid(@PathParam("number") String number, StaffAction action) {
        required(action);
        actions.perform(StaffOrderActions.Action.MARK_PAID, known(number), action.note(), null);
        return view(number);
    }

    @POST
    @Path("/fulfil")
    @Operation(summary = "Mark an order as shipped")
    public OrderView fulfil(@PathParam("number") String number, StaffAction action) {
        required(action);
        actions.perform(StaffOrderActions.Action.FULFIL, known(number), action.note(), null);
        return view(number);
    }

    @POST
    @Path("/cancel")
    @Operation(summary = "Cancel an order (stock goes back; a paid order is refunded)")
    public OrderView cancel(@PathParam("number") String number, StaffAction action) {
        required(action);
        actions.cancelOrRefund(known(number), action.note());
        return view(number);
    }

    /** What staff may say about an action; the object itself is required, the note is not ({@link StaffOrderActions} checks it). */
    public record StaffAction(String note) {
    }

    private static void required(StaffAction action) {
        if (action == null) {
            throw new InvalidInput("body", "Send a JSON object as the body, e.g. {} or {\"note\": \"…\"}.");
        }
    }

    private String known(String number) {
        return orders.view(number).map(OrderView::number)
                .orElseThrow(() -> new OrderNotFound(number));
    }

    private OrderView view(String number) {
        return orders.view(number).orElseThrow();
    }
}
