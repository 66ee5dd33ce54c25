package shop.storefront.web.internal;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import shop.storefront.web.NeedsRedis;
import shop.storefront.web.RedisAvailability;

/** Runs each method of a {@link NeedsRedis} bean through {@link RedisAvailability#require}. */
@NeedsRedis
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
class NeedsRedisInterceptor {

    private final RedisAvailability redis;

    NeedsRedisInterceptor(RedisAvailability redis) {
        this.redis = redis;
    }

    @AroundInvoke
    Object guard(InvocationContext call) {
        return redis.require(() -> {
            try {
                return call.proceed();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
