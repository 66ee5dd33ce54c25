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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import shop.storefront.cart.CartView;
import shop.storefront.cart.ShoppingCart;
import shop.storefront.cart.internal.rest.CartInput;
import shop.storefront.catalog.Catalog;
import shop.storefront.catalog.ProductDetail;
import shop.storefront.catalog.SkuView;
import shop.storefront.platform.DomainException;
import shop.storefront.platform.NotFound;
import shop.storefront.web.ErrorStatus;
import shop.storefront.web.Redirects;

/** The cart page and its plain HTML forms (post, then redirect back to the cart, or to the product page when the chosen variant cannot be bought). */
@Path("/cart")
public class CartPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance cart(CartView cart, String error);
    }

    private final ShoppingCart cart;
    private final Catalog catalog;

    CartPages(ShoppingCart cart, Catalog catalog) {
        this.cart = cart;
        this.catalog = catalog;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return Templates.cart(cart.view(), null);
    }

    /**
     * Adds a SKU ({@code sku}), or the variant of {@code product} with the chosen options (one field per option, e.g.
     * {@code size=L&colour=White}), asking for more than can be had adds what can be (the cart page says so). A choice that cannot be bought
     * (not made, sold out) goes back to the product page, which says why; the cart is left as it was.
     */
    @POST
    @Path("/add")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(MultivaluedMap<String, String> form) {
        try {
            String quantityText = form.getFirst("quantity");
            int quantity = CartInput.quantity(quantityText == null || quantityText.isBlank() ? "1" : quantityText);
            String slug = form.getFirst("product");
            if (slug == null || slug.isBlank()) {
                cart.addAvailable(CartInput.sku(form.getFirst("sku")), quantity);
                return Redirects.seeOther("/cart");
            }
            ProductDetail product = catalog.product(slug)
                    .orElseThrow(() -> new NotFound("product", "We could not find that product. It may no longer be sold."));
            Map<String, String> chosen = new LinkedHashMap<>();
            product.optionNames().forEach(name -> {
                String value = form.getFirst(name);
                chosen.put(name, value == null ? "" : value.strip());
            });
            Optional<String> buyable = product.variantWith(chosen).map(ProductDetail.Variant::sku)
                    .filter(this::inStock);
            if (buyable.isEmpty()) {
                return Redirects.seeOther(product.path() + "?" + query(chosen));
            }
            cart.addAvailable(buyable.get(), quantity);
            return Redirects.seeOther("/cart");
        } catch (DomainException e) {
            return refused(e);
        }
    }

    /** Read now from the database: the product page may come from cache. */
    private boolean inStock(String sku) {
        SkuView item = catalog.skus(Set.of(sku)).get(sku);
        return item != null && item.inStock();
    }

    private static String query(Map<String, String> chosen) {
        return chosen.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
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
            return refused(e);
        }
    }

    private Response refused(DomainException e) {
        return Response.status(ErrorStatus.of(e)).type(MediaType.TEXT_HTML_TYPE).entity(Templates.cart(cart.view(), e.getMessage())).build();
    }
}
