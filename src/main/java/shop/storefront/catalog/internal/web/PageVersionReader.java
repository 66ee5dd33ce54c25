package shop.storefront.catalog.internal.web;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import shop.storefront.web.RedisAvailability;

/**
 * Reads a page's version keys from Redis without blocking: one MGET, given up after a second. The bare Vert.x client
 * (no Mutiny, no context propagation) answers on the calling event loop: this runs on every catalog page request.
 * While Redis is known to be down it is not asked at all, so pages cost no wait.
 */
@Singleton
public class PageVersionReader {

    private static final long TIMEOUT_MS = 1_000;

    private final Redis redis;
    private final Vertx vertx;
    private final RedisAvailability availability;

    PageVersionReader(Redis redis, Vertx vertx, RedisAvailability availability) {
        this.redis = redis;
        this.vertx = vertx;
        this.availability = availability;
    }

    /** The values of {@code keys}, in their order, null for a key that is not set. */
    Future<List<String>> read(List<String> keys) {
        if (availability.isDown()) {
            return Future.failedFuture("Redis is down");
        }
        Request mget = Request.cmd(Command.MGET);
        keys.forEach(mget::arg);
        Promise<List<String>> values = Promise.promise();
        long timer = vertx.setTimer(TIMEOUT_MS, id -> values.tryFail("Redis did not answer the MGET within " + TIMEOUT_MS + " ms"));
        redis.send(mget).onComplete(answer -> {
            vertx.cancelTimer(timer);
            if (answer.succeeded()) {
                values.tryComplete(strings(answer.result()));
            } else {
                values.tryFail(answer.cause());
            }
        });
        return values.future().onFailure(availability::failed);
    }

    private static List<String> strings(Response array) {
        List<String> strings = new ArrayList<>(array.size());
        for (Response value : array) {
            strings.add(value == null ? null : value.toString());
        }
        return strings;
    }
}
