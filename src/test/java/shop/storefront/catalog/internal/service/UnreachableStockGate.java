package shop.storefront.catalog.internal.service;

import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Alternative;
import java.util.List;
import shop.storefront.catalog.internal.CatalogConfig;

/** The stock gate with its Redis gone (enabled only by the test profile that asks for it): every script fails. */
@Alternative
@Singleton
public class UnreachableStockGate extends StockGate {

    UnreachableStockGate(RedisDataSource redis, CatalogConfig config) {
        super(redis, config);
    }

    @Override
    Response eval(List<String> scriptKeysAndArgs) {
        throw new IllegalStateException("Connection refused: 127.0.0.1:6379 (stand-in)");
    }
}
