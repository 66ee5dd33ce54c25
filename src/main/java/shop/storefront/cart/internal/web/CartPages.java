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
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import shop.storefront.cart.CartView;
import shop.storefront.cart.ShoppingCart;
import shop.storefront.cart.internal.rest.CartInput;

/** The cart page and its plain HTML forms (post, then redirect back to the cart). */
@Path("/cart")
public class CartPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance cart(CartView cart);
    }

    private final ShoppingCart cart;

    CartPages(ShoppingCart cart) {
        this.cart = cart;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance page() {
        return Templates.cart(cart.view());
    }

    @POST
    @Path("/add")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response add(@FormParam("sku") String sku, @FormParam("quantity") String quantity) {
        cart.add(CartInput.sku(sku), CartInput.quantity(quantity == null || quantity.isBlank() ? "1" : quantity));
        return backToCart();
    }

    @POST
    @Path("/update")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response update(@FormParam("sku") String sku, @FormParam("quantity") String quantity) {
        cart.setQuantity(CartInput.sku(sku), CartInput.quantity(quantity));
        return backToCart();
    }

    @POST
    @Path("/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response remove(@FormParam("sku") String sku) {
        cart.remove(CartInput.sku(sku));
        return backToCart();
    }

    private static Response backToCart() {
        return Response.seeOther(URI.create("/cart")).build();
    }
}
