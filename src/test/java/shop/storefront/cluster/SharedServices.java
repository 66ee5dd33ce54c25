package shop.storefront.cluster;

import io.quarkus.test.common.DevServicesContext;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Remembers how the integration test's instance reaches PostgreSQL and Redis (Dev Services' containers where
 * Docker exists, else nothing to add: the local services), so that further instances and JDBC checks use the same.
 */
public class SharedServices implements QuarkusTestResourceLifecycleManager, DevServicesContext.ContextAware {

    private static volatile Map<String, String> devServices = Map.of();

    @Override
    public void setIntegrationTestContext(DevServicesContext context) {
        devServices = context.devServicesProperties();
    }

    @Override
    public Map<String, String> start() {
        return Map.of();
    }

    @Override
    public void stop() {
    }

    public static Map<String, String> devServices() {
        return devServices;
    }

    /** JDBC access to the shared database, for checks the HTTP API cannot make. */
    public static SharedDatabase database() {
        return SharedDatabase.of(devServices);
    }
}
