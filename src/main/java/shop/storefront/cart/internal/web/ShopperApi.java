package shop.storefront.cart.internal.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import shop.storefront.web.FormTokens;

/**
 * What is personal in the header of a page kept for every shopper (catalog pages): filled in by {@code js/shopper.js}.
 * Personal, so stored nowhere ({@code no-store}, as every API answer that is not catalog data).
 */
@Path("/api/v1/shopper")
public class ShopperApi {

    /**
     * @param signedIn whether someone is signed in (else the header offers "Sign in")
     * @param admin whether the back office link is shown
     * @param cartCount items in the cart
     * @param cartLabel the cart link's accessible name, e.g. "Cart, 3 items"
     * @param csrfToken the token for the page's forms
     */
    public record Shopper(boolean signedIn, boolean admin, int cartCount, String cartLabel, String csrfToken) {
    }

    private final SecurityIdentity identity;
    private final MiniCart miniCart;
    private final FormTokens tokens;

    ShopperApi(SecurityIdentity identity, MiniCart miniCart, FormTokens tokens) {
        this.identity = identity;
        this.miniCart = miniCart;
        this.tokens = tokens;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Shopper shopper() {
        boolean signedIn = !identity.isAnonymous();
        return new Shopper(signedIn, signedIn && identity.hasRole("admin"), miniCart.count(), miniCart.label(),
                tokens.token());
    }
}
