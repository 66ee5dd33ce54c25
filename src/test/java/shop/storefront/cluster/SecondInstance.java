package shop.storefront.cluster;

import java.util.Map;

/**
 * A second storefront instance, fully up before the integration test's own instance starts: on port 18082, or on
 * the one the system property {@code second-instance.port} names (so parallel runs keep to their own ports).
 */
public class SecondInstance extends SharedServices {

    public static final int PORT = Integer.getInteger("second-instance.port", 18082);
    private AppInstance instance;

    @Override
    public Map<String, String> start() {
        instance = AppInstance.start(PORT, devServices(), Map.of(), "second-instance.log");
        return Map.of();
    }

    @Override
    public void stop() {
        if (instance != null) {
            instance.stop();
        }
    }
}
