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
import shop.storefront.platform.FieldText;
import shop.storefront.platform.InvalidInput;

/**
 * Order status changes for staff (role admin): payment received, shipped, cancelled or refunded. JSON only: a
 * browser cannot send that cross-site without a CORS pre-flight, so no other site can make staff click these (a
 * request without the JSON Content-Type needs the CSRF token). Each takes a JSON object, {@code {}} or
 * {@code {"note": "…"}}; the note goes into the order's history in place of the standard wording.
 */
@Path("/api/v1/admin/orders/{number}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "Admin")
public class AdminOrdersApi {

    private final Orders orders;

    AdminOrdersApi(Orders orders) {
        this.orders = orders;
    }

    @POST
    @Path("/mark-paid")
    @Operation(summary = "Record that an unpaid order's payment arrived (e.g. a bank transfer)")
    public OrderView markPaid(@PathParam("number") String number, StaffAction action) {
        required(action);
        orders.markPaidByStaff(known(number), action.note("Payment received"));
        return view(number);
    }

    @POST
    @Path("/fulfil")
    @Operation(summary = "Mark an order as shipped")
    public OrderView fulfil(@PathParam("number") String number, StaffAction action) {
        required(action);
        orders.fulfil(known(number), action.note("Shipped"));
        return view(number);
    }

    @POST
    @Path("/cancel")
    @Operation(summary = "Cancel an order (stock goes back; a paid order is refunded)")
    public OrderView cancel(@PathParam("number") String number, StaffAction action) {
        required(action);
        orders.cancelOrRefund(known(number), action.note("Cancelled by staff"));
        return view(number);
    }

    /** What staff may say about an action; the object itself is required, the note is not. */
    public record StaffAction(String note) {
        String note(String standard) {
            String given = FieldText.optional("note", "The note", note, 200);
            return given.isEmpty() ? standard : given;
        }
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
