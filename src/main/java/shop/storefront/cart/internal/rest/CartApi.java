package shop.storefront.cart.internal.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import shop.storefront.cart.CartView;
import shop.storefront.cart.ShoppingCart;
import shop.storefront.platform.InvalidInput;

/** The current shopper's cart as JSON; the cart cookie (guests) or the session (customers) says whose. */
@Path("/api/v1/cart")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cart")
public class CartApi {

    /** Body of add and change requests. */
    public record ItemRequest(String sku, Integer quantity) {
    }

    private final ShoppingCart cart;

    CartApi(ShoppingCart cart) {
        this.cart = cart;
    }

    @GET
    @Operation(summary = "The cart, priced now, with notices about changes since the last look")
    public CartView view() {
        return cart.view();
    }

    @POST
    @Path("/items")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a quantity of a SKU (limited by stock)")
    public CartView add(ItemRequest request) {
        ItemRequest body = required(request);
        return cart.add(CartInput.sku(body.sku()), CartInput.quantity(body.quantity()));
    }

    @PUT
    @Path("/items/{sku}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the quantity of a SKU in the cart (0 removes it)")
    public CartView change(@PathParam("sku") String sku, ItemRequest request) {
        return cart.setQuantity(CartInput.sku(sku), CartInput.quantity(required(request).quantity()));
    }

    @DELETE
    @Path("/items/{sku}")
    @Operation(summary = "Remove a SKU from the cart")
    public CartView remove(@PathParam("sku") String sku) {
        return cart.remove(CartInput.sku(sku));
    }

    private static ItemRequest required(ItemRequest request) {
        if (request == null) {
            throw new InvalidInput(null, "A JSON body such as {\"sku\": \"SKU-1-1\", \"quantity\": 1} is required.");
        }
        return request;
    }
}
