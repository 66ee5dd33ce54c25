package shop.storefront.cart.internal.web;

import io.vertx.core.Context;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import shop.storefront.cart.ShoppingCart;

/** The item count in every page header, read by the layout as {@code inject:miniCart.count}. */
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
}
