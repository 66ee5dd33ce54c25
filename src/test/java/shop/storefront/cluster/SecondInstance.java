package shop.storefront.cluster;

import io.quarkus.test.common.DevServicesContext;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A second storefront instance on port 18082, fully up before the integration test's own instance starts. */
public class SecondInstance implements QuarkusTestResourceLifecycleManager, DevServicesContext.ContextAware {

    public static final int PORT = 18082;
    private static Map<String, String> devServices = Map.of();
    private AppInstance instance;

    @Override
    public void setIntegrationTestContext(DevServicesContext context) {
        devServices = context.devServicesProperties();
    }

    @Override
    public Map<String, String> start() {
        instance = AppInstance.start(PORT, devServices, Map.of(), "second-instance.log");
        return Map.of();
    }

    @Override
    public void stop() {
        if (instance != null) {
            instance.stop();
        }
    }

    /** JDBC access to the shared database, for checks the HTTP API cannot make. */
    public static SharedDatabase database() {
        return SharedDatabase.of(devServices);
    }
}
