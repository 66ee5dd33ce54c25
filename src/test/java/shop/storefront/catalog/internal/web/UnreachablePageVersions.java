package shop.storefront.catalog.internal.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.util.List;
import shop.storefront.web.RedisAvailability;

/** The page versions' Redis gone (enabled only by the test profile that asks for it): every read fails. */
@Alternative
@Singleton
public class UnreachablePageVersions extends PageVersionReader {

    UnreachablePageVersions(Redis redis, Vertx vertx, RedisAvailability availability) {
        super(redis, vertx, availability);
    }

    @Override
    Future<List<String>> read(List<String> keys) {
        return Future.failedFuture(new IllegalStateException("Connection refused: 127.0.0.1:6379 (stand-in)"));
    }
}
