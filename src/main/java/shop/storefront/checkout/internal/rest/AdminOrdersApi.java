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
import shop.storefront.checkout.internal.service.CheckoutException;
import shop.storefront.checkout.internal.service.OrderView;
import shop.storefront.checkout.internal.service.Orders;
import shop.storefront.web.ResourceNotFoundException;

/**
 * Order status changes for staff (role admin): payment received, shipped, cancelled or refunded. JSON only: a
 * browser cannot send that cross-site without a CORS pre-flight, so no other site can make staff click these.
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
    public OrderView markPaid(@PathParam("number") String number) {
        if (!orders.markPaid(known(number), null, "Payment received")) {
            throw new CheckoutException(409, null, "Order " + number + " is not waiting for payment.");
        }
        return view(number);
    }

    @POST
    @Path("/fulfil")
    @Operation(summary = "Mark an order as shipped")
    public OrderView fulfil(@PathParam("number") String number) {
        orders.fulfil(known(number), "Shipped");
        return view(number);
    }

    @POST
    @Path("/cancel")
    @Operation(summary = "Cancel an order (stock goes back; a paid order is refunded)")
    public OrderView cancel(@PathParam("number") String number) {
        orders.cancelOrRefund(known(number), "Cancelled by staff");
        return view(number);
    }

    private String known(String number) {
        return orders.view(number).map(OrderView::number)
                .orElseThrow(() -> new ResourceNotFoundException("There is no order " + number + "."));
    }

    private OrderView view(String number) {
        return orders.view(number).orElseThrow();
    }
}
