package shop.storefront.cart.internal.web;

import io.vertx.core.Context;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import shop.storefront.cart.ShoppingCart;

/**
 * The item count in every page header, read by the layout as {@code inject:miniCart.count}, and the cart link's
 * accessible name ({@code inject:miniCart.label}), which says the count in words.
 */
@Named("miniCart")
@RequestScoped
public class MiniCart {

    private final ShoppingCart cart;

    MiniCart(ShoppingCart cart) {
        this.cart = cart;
    }

    /** 0 where blocking I/O is not allowed (framework error pages) or Redis is unreachable. */
    public int count() {
        if (Context.isOnEventLoopThread()) {
            return 0;
        }
        try {
            return cart.itemCount();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** "Cart, empty", "Cart, 1 item", "Cart, 3 items": a bare number after "Cart" says nothing to a screen reader. */
    public String label() {
        int count = count();
        return count == 0 ? "Cart, empty" : "Cart, " + count + (count == 1 ? " item" : " items");
    }
}
