package shop.storefront.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The storefront keeps its module boundaries, and the rules really catch each kind of breach. */
class ModuleBoundariesTest {

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("shop.storefront");
    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages("shop.archfixture");

    @Test
    void productionCodeKeepsModuleBoundaries() {
        assertThat(PRODUCT.stream().map(c -> ModuleRules.module("shop.storefront", c)).filter(m -> m != null).distinct())
                .containsExactlyInAnyOrder("catalog", "cart", "checkout", "account", "messaging", "web", "platform", "backoffice");
        ModuleRules.all("shop.storefront").forEach(rule -> rule.check(PRODUCT));
    }

    @Test
    void usingAnotherModulesInternalsIsCaught() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> ModuleRules.noInternalAccess("shop.archfixture.leaky").check(FIXTURES));
        assertThat(error).hasMessageContaining("UsesCatalogInternals").hasMessageContaining("PriceRules");
    }

    @Test
    void cyclesBetweenModulesAreCaught() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> ModuleRules.noCycles("shop.archfixture.cyclic").check(FIXTURES));
        assertThat(error).hasMessageContaining("Cycle detected");
    }

    @Test
    void entitiesUsedOutsideTheirModuleAreCaught() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> ModuleRules.entitiesStayHome("shop.archfixture.entityleak").check(FIXTURES));
        assertThat(error).hasMessageContaining("ReadsCatalogEntity").hasMessageContaining("StockRow");
    }

    @Test
    void usingAModuleThatIsNotDeclaredIsCaught() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> ModuleRules.onlyDeclaredDependencies("shop.archfixture.undeclared").check(FIXTURES));
        assertThat(error).hasMessageContaining("ChecksStock").hasMessageContaining("StockLevel")
                .hasMessageContaining("module cart does not declare catalog").hasMessageNotContaining("ReservesStock");
    }

    @Test
    void cyclesBetweenPackagesInsideAModuleAreCaught() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> ModuleRules.noCyclesInsideModules("shop.archfixture.innercycle").check(FIXTURES));
        assertThat(error).hasMessageContaining("Cycle detected").hasMessageContaining("PriceList")
                .hasMessageContaining("OrderDesk");
    }

    @Test
    void httpTypesInServicesOrDomainAreCaught() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> ModuleRules.noHttpInServicesOrDomain("shop.archfixture.httpleak").check(FIXTURES));
        assertThat(error).hasMessageContaining("SignsInOnRequest").hasMessageContaining("RoutingContext")
                .hasMessageContaining("OrderAsResponse").hasMessageNotContaining("CountsInRedis");
    }
}
