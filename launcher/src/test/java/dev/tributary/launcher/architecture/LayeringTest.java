package dev.tributary.launcher.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Classes obey the module table too: a module's classes use only the classes of the modules it may depend
 * on, directly or through them. Checked on every module on the launcher's test classpath (all but
 * examples and bench, whose poms {@link ModuleDependenciesTest} checks).
 */
class LayeringTest {

    private static final Set<Modules> ON_CLASSPATH = EnumSet.complementOf(EnumSet.of(Modules.EXAMPLES, Modules.BENCH));

    @TestFactory
    Iterable<DynamicTest> classesOfEachModuleUseOnlyAllowedModules() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tributary");
        return ON_CLASSPATH.stream()
                .map(module -> DynamicTest.dynamicTest(module.folder(), () -> {
                    String[] forbidden = forbiddenFor(module);
                    if (forbidden.length > 0) {
                        noClasses().that().resideInAPackage(module.rootPackage() + "..")
                                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                                .because(module.folder() + " may only use " + module.reachable())
                                .allowEmptyShould(true)
                                .check(classes);
                    }
                }))
                .toList();
    }

    private static String[] forbiddenFor(Modules module) {
        Set<Modules> forbidden = EnumSet.allOf(Modules.class);
        forbidden.remove(module);
        forbidden.removeAll(module.reachable());
        return forbidden.stream().map(m -> m.rootPackage() + "..").toArray(String[]::new);
    }
}
