package shop.storefront.cart.internal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import shop.storefront.cart.CartView;
import shop.storefront.cart.ShoppingCart;
import shop.storefront.cart.internal.rest.CartInput;
import shop.storefront.platform.DomainException;
import shop.storefront.web.ErrorStatus;
import shop.storefront.web.Redirects;

/** The cart page and its plain HTML forms (post, then redirect back to the cart). */
@Path("/cart")
public class CartPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance cart(CartView cart, String error);
    }

    private final ShoppingCart cart;

    CartPages(ShoppingCart cart) {
        this.cart = cart;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return Templates.cart(cart.view(), null);
    }

    @POST
    @Path("/add")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@FormParam("sku") String sku, @FormParam("quantity") String quantity) {
        return change(() -> cart.add(CartInput.sku(sku), CartInput.quantity(quantity == null || quantity.isBlank() ? "1" : quantity)));
    }

    @POST
    @Path("/update")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@FormParam("sku") String sku, @FormParam("quantity") String quantity) {
        return change(() -> cart.setQuantity(CartInput.sku(sku), CartInput.quantity(quantity)));
    }

    @POST
    @Path("/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@FormParam("sku") String sku) {
        return change(() -> cart.remove(CartInput.sku(sku)));
    }

    /** Back to the cart after a change; a refused change shows the cart with the reason, keeping the 4xx status. */
    private Response change(Runnable change) {
        try {
            change.run();
            return Redirects.seeOther("/cart");
        } catch (DomainException e) {
            return Response.status(ErrorStatus.of(e)).type(MediaType.TEXT_HTML_TYPE).entity(Templates.cart(cart.view(), e.getMessage())).build();
        }
    }
}
