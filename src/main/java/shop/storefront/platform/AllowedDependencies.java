package shop.storefront.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The other modules a module may use, declared on the module's {@code package-info.java} by their package names
 * under {@code shop.storefront} (e.g. {@code @AllowedDependencies({"platform", "web"})}); an empty list means the
 * module uses no other module. The architecture tests read it and fail on any dependency the module has not
 * declared, so a new arrow between modules is a visible decision in one place rather than an import somewhere.
 * Only modules' public packages may be used even when declared; their {@code internal} packages stay private.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface AllowedDependencies {

    /** Names of the modules this module may depend on, e.g. {@code "catalog"}. */
    String[] value();
}
