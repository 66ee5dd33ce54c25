package shop.storefront.account.internal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import shop.storefront.account.CustomerOrderHistory;
import shop.storefront.account.internal.service.BackOfficeCustomers;
import shop.storefront.platform.FieldText;
import shop.storefront.platform.InvalidInput;
import shop.storefront.platform.PageNumber;
import shop.storefront.platform.NotFound;
import shop.storefront.web.ErrorStatus;

/** The back office's customers: a list searched by e-mail or name, and one customer with their addresses and orders. */
@Path("/admin/customers")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("admin")
public class AdminCustomerPages {

    static final int SEARCH_MAX = 200;
    static final int MAX_PAGE = 1000;
    static final int ORDERS_SHOWN = 100;

    /** A refused parameter: which one and why (both null when nothing was refused). */
    public record Problem(String field, String message) {
        static final Problem NONE = new Problem(null, null);
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(BackOfficeCustomers.Page customers, String q, String previousPath, String nextPath,
                Problem problem);

        static native TemplateInstance detail(BackOfficeCustomers.Detail customer, List<CustomerOrderHistory.OrderSummary> orders,
                int ordersShown);
    }

    private final BackOfficeCustomers customers;
    private final CustomerOrderHistory orders;

    AdminCustomerPages(BackOfficeCustomers customers, CustomerOrderHistory orders) {
        this.customers = customers;
        this.orders = orders;
    }

    @GET
    public Response list(@QueryParam("q") String q, @QueryParam("page") String page) {
        String typed = FieldText.echo(q, SEARCH_MAX);
        String search;
        int wanted;
        try {
            search = FieldText.optional("q", "The search", q, SEARCH_MAX);
            wanted = page(page);
        } catch (InvalidInput e) {
            return Response.status(ErrorStatus.of(e)).entity(Templates.list(new BackOfficeCustomers.Page(List.of(), 0, 1), typed,
                    null, null, new Problem(e.field(), e.getMessage()))).build();
        }
        BackOfficeCustomers.Page found = customers.list(search.isEmpty() ? null : search, wanted);
        return Response.ok(Templates.list(found, typed, found.hasPrevious() ? listPath(search, wanted - 1) : null,
                found.hasNext() ? listPath(search, wanted + 1) : null, Problem.NONE)).build();
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") String id) {
        BackOfficeCustomers.Detail customer = customers.detail(id)
                .orElseThrow(() -> new NotFound("There is no customer with that id."));
        return Templates.detail(customer, orders.ofCustomer(customer.id(), ORDERS_SHOWN), ORDERS_SHOWN);
    }

    private static int page(String value) {
        return PageNumber.parse(value, MAX_PAGE);
    }

    private static String listPath(String search, int page) {
        List<String> parts = new ArrayList<>();
        if (!search.isEmpty()) {
            parts.add("q=" + URLEncoder.encode(search, StandardCharsets.UTF_8));
        }
        if (page > 1) {
            parts.add("page=" + page);
        }
        return "/admin/customers" + (parts.isEmpty() ? "" : "?" + String.join("&", parts));
    }
}
