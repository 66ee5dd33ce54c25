package shop.storefront.cluster;

import java.util.Map;

/** A second storefront instance on port 18082, fully up before the integration test's own instance starts. */
public class SecondInstance extends SharedServices {

    public static final int PORT = 18082;
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
