package shop.storefront.platform;

import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * A configuration interface answering only the settings a unit test gives it, by method name; any other call
 * fails, so a test shows exactly which settings the code under test reads.
 */
public final class ConfigStub {

    private ConfigStub() {
    }

    public static <T> T of(Class<T> type, Map<String, ?> answers) {
        Object stub = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> type.getSimpleName() + answers;
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> proxy == args[0];
                };
            }
            if (!answers.containsKey(method.getName())) {
                throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName() + " is not set in this test");
            }
            return answers.get(method.getName());
        });
        return type.cast(stub);
    }
}
