package care.messaging.platform;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No cycles between the business components ({@code care.messaging.<component>}, the EJB module's
 * boundary/control/entity and the web module's rest/socket packages together, as this module's class
 * path holds both): a component may use the ones below it, never one that uses it. No exceptions, and
 * the audit trail, which every component writes to, stands on {@code platform} alone
 * (docs/architecture.md, "Components").
 */
class ComponentCyclesTest {

    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("care.messaging");

    @Test
    void componentsDependOnEachOtherWithoutCycles() {
        slices().matching("care.messaging.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theAuditTrailUsesNoComponentButPlatform() {
        noClasses().that().resideInAPackage("care.messaging.audit..")
                .should().dependOnClassesThat(resideInAPackage("care.messaging..")
                        .and(resideOutsideOfPackages("care.messaging.audit..", "care.messaging.platform..")))
                .check(CLASSES);
    }
}
