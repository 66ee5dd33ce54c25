package shop.storefront.web;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean whose every method works on Redis and has nothing to fall back on (carts, sessions, attempt counters):
 * while Redis is unreachable its methods throw {@link shop.storefront.platform.TemporarilyUnavailable} at once, and a
 * failure to reach Redis becomes one, so the shopper is told "unavailable for a moment" (503) instead of an error page.
 * See {@link RedisAvailability#require}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NeedsRedis {
}
