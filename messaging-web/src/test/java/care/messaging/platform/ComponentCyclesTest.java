package care.messaging.platform;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No cycles between the business components ({@code care.messaging.<component>}, the EJB module's
 * boundary/control/entity and the web module's rest/socket packages together, as this module's class
 * path holds both): a component may use
 * the ones below it, never one that uses it. Two edges are known and listed here so that every other
 * cycle fails: the audit trail still reads accounts and identities from {@code directory} and its MAC key
 * from {@code crypto}, both of which write audit rows (docs/architecture.md, "Components", says how it
 * is to be cut: an actor value passed in and the key through a qualified producer).
 */
class ComponentCyclesTest {

    @Test
    void componentsDependOnEachOtherWithoutCycles() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("care.messaging");
        slices().matching("care.messaging.(*)..").should().beFreeOfCycles()
                .ignoreDependency(resideInAPackage("care.messaging.audit.."), resideInAPackage("care.messaging.directory.."))
                .ignoreDependency(resideInAPackage("care.messaging.audit.."), resideInAPackage("care.messaging.crypto.."))
                .check(classes);
    }
}
