package shop.storefront.web;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

/**
 * For {@code @Scheduled(skipExecutionIf = WhileRedisDown.class)}: a periodic job that only works on Redis skips its
 * runs while Redis is down, rather than failing (and logging an error) every time until it is back.
 */
@Singleton
public class WhileRedisDown implements Scheduled.SkipPredicate {

    private final RedisAvailability redis;

    WhileRedisDown(RedisAvailability redis) {
        this.redis = redis;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return redis.isDown();
    }
}
