package shop.storefront.catalog.internal.web;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.util.List;

/** The page versions' Redis gone (enabled only by the test profile that asks for it): every read fails. */
@Alternative
@Singleton
public class UnreachablePageVersions extends PageVersionReader {

    UnreachablePageVersions(ReactiveRedisDataSource redis) {
        super(redis);
    }

    @Override
    Uni<List<String>> read(List<String> keys) {
        return Uni.createFrom().failure(new IllegalStateException("Connection refused: 127.0.0.1:6379 (stand-in)"));
    }
}
