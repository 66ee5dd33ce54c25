package shop.storefront.cart.internal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** How long carts live, how large they may grow and when idle ones earn a reminder. */
@ConfigMapping(prefix = "storefront.cart")
public interface CartConfig {

    /**
     * Sliding expiry of a cart and its cookie: each change starts it afresh. 30 days keeps a cart across the weeks a
     * shopper may take to come back, while Redis forgets abandoned ones.
     */
    @WithDefault("30d")
    Duration ttl();

    /** Most units of one SKU in a cart. 99 is more than one shopper needs and refuses a typo such as 1000. */
    @Min(1) @Max(999)
    @WithDefault("99")
    int maxQuantity();

    /** Most lines (distinct SKUs) in a cart. 50 is far above a real basket and bounds what each cart costs to price. */
    @Min(1) @Max(500)
    @WithDefault("50")
    int maxLines();

    /**
     * A signed-in customer's cart left unchanged this long gets one reminder e-mail (if they asked for reminders).
     * A day: soon enough to be remembered, late enough not to chase someone still deciding.
     */
    @WithDefault("24h")
    Duration reminderAfter();

    /**
     * How often each instance looks for idle carts. Every 5 minutes is precise enough for a reminder sent after a day
     * and cheap for Redis; tests shorten it.
     */
    @WithDefault("5m")
    Duration reminderScanInterval();
}
