package shop.storefront.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import jakarta.persistence.Entity;
import java.util.List;

/**
 * The module rules, parameterised by root package so the same rules run against the product and against
 * deliberately broken fixtures. A module is a direct sub-package of the root; its top-level types are its
 * API and everything under {@code <module>.internal} is private to it.
 */
final class ModuleRules {

    private ModuleRules() {
    }

    static List<ArchRule> all(String root) {
        return List.of(noInternalAccess(root), noCycles(root), entitiesStayHome(root));
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
}
