package shop.storefront.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import jakarta.persistence.Entity;
import java.util.List;
import java.util.Set;
import shop.storefront.platform.AllowedDependencies;

/**
 * The module rules, parameterised by root package so the same rules run against the product and against
 * deliberately broken fixtures. A module is a direct sub-package of the root; its top-level types are its
 * API and everything under {@code <module>.internal} is private to it. Each module declares the modules it may use
 * with {@link AllowedDependencies} on its {@code package-info.java}.
 */
final class ModuleRules {

    /** Packages of HTTP and Vert.x types: the edge's business, never a service's or a domain type's. */
    static final String[] HTTP_PACKAGES = {"io.vertx..", "jakarta.ws.rs..", "org.jboss.resteasy..",
            "io.quarkus.vertx.http..", "jakarta.servlet.."};

    /** Vert.x's Redis client (its replies are {@code io.vertx...redis.client.Response}) is storage, not HTTP. */
    static final String REDIS_CLIENT = "io.vertx..redis..";

    private ModuleRules() {
    }

    static List<ArchRule> all(String root) {
        return List.of(noInternalAccess(root), noCycles(root), entitiesStayHome(root), onlyDeclaredDependencies(root),
                noCyclesInsideModules(root), noHttpInServicesOrDomain(root));
    }

    /** Nothing outside a module touches that module's internal package. */
    static ArchRule noInternalAccess(String root) {
        return ArchRuleDefinition.classes().that().resideInAPackage(root + "..")
                .should(new ArchCondition<>("use other modules only through their public API") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String own = module(root, origin);
                        origin.getDirectDependenciesFromSelf().forEach(d -> {
                            JavaClass target = d.getTargetClass();
                            String targetModule = module(root, target);
                            if (targetModule != null && !targetModule.equals(own)
                                    && target.getPackageName().startsWith(root + "." + targetModule + ".internal")) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        });
                    }
                }).allowEmptyShould(true);
    }

    /** Modules depend on each other in one direction only. */
    static ArchRule noCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true);
    }

    /** JPA entities are used only inside the module that owns their table. */
    static ArchRule entitiesStayHome(String root) {
        return ArchRuleDefinition.classes().that().areAnnotatedWith(Entity.class).and().resideInAPackage(root + "..")
                .should(new ArchCondition<>("be accessed only from their own module") {
                    @Override
                    public void check(JavaClass entity, ConditionEvents events) {
                        String owner = module(root, entity);
                        entity.getDirectDependenciesToSelf().forEach(d -> {
                            if (!owner.equals(module(root, d.getOriginClass()))) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        });
                    }
                }).allowEmptyShould(true);
    }

    /**
     * A module uses only the modules its package-info declares in {@link AllowedDependencies}; a module without the
     * declaration uses none. The annotation itself is the declaration, not a use of the platform module.
     */
    static ArchRule onlyDeclaredDependencies(String root) {
        return ArchRuleDefinition.classes().that().resideInAPackage(root + "..")
                .should(new ArchCondition<>("use only the modules their module declares in @AllowedDependencies") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String own = module(root, origin);
                        if (own == null) {
                            return;
                        }
                        Set<String> allowed = allowedDependencies(root, own, origin);
                        origin.getDirectDependenciesFromSelf().forEach(d -> {
                            JavaClass target = d.getTargetClass();
                            String targetModule = module(root, target);
                            if (targetModule != null && !targetModule.equals(own) && !allowed.contains(targetModule)
                                    && !target.isEquivalentTo(AllowedDependencies.class)) {
                                events.add(SimpleConditionEvent.violated(d, "module " + own + " does not declare "
                                        + targetModule + " in @AllowedDependencies: " + d.getDescription()));
                            }
                        });
                    }
                }).allowEmptyShould(true);
    }

    /** The sub-packages inside a module's internal package depend on each other in one direction only. */
    static ArchRule noCyclesInsideModules(String root) {
        return slices().matching(root + ".(*).internal.(*)..").namingSlices("$1.internal.$2")
                .should().beFreeOfCycles().allowEmptyShould(true);
    }

    /** Services and domain types know nothing of HTTP: requests, responses and statuses stay at the edge. */
    static ArchRule noHttpInServicesOrDomain(String root) {
        return ArchRuleDefinition.noClasses()
                .that().resideInAnyPackage(root + "..internal.service..", root + "..internal.domain..")
                .should().dependOnClassesThat(resideInAnyPackage(HTTP_PACKAGES).and(not(resideInAnyPackage(REDIS_CLIENT)))
                        .as("are HTTP or Vert.x web types " + String.join(", ", HTTP_PACKAGES)))
                .allowEmptyShould(true);
    }

    /** The module a class belongs to, or null when it is outside the root. */
    static String module(String root, JavaClass type) {
        String pkg = type.getPackageName();
        if (!pkg.startsWith(root + ".")) {
            return null;
        }
        String rest = pkg.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** The modules declared on the module's package-info; none when it declares nothing. */
    private static Set<String> allowedDependencies(String root, String module, JavaClass member) {
        JavaPackage pkg = member.getPackage();
        while (!pkg.getName().equals(root + "." + module)) {
            pkg = pkg.getParent().orElseThrow();
        }
        return pkg.tryGetPackageInfo()
                .flatMap(info -> info.tryGetAnnotationOfType(AllowedDependencies.class))
                .map(declared -> Set.of(declared.value()))
                .orElse(Set.of());
    }
}
