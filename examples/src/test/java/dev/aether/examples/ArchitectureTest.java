package dev.aether.examples;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.aether.core.DspNode;
import dev.aether.osc.OscServer;
import dev.aether.link.LinkPeer;
import dev.aether.guard.RealtimeChecker;
import dev.aether.nodes.Dsp;
import dev.aether.sequencing.pattern.Pattern;
import dev.aether.repl.Aether;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module structure, checked on the compiled main classes (what {@code jdeps} would show): core's packages form
 * no cycle, no module uses a package another module does not export to it (read from the module descriptors
 * themselves), and arrows point down: core ← stdlib-nodes ← sequencing ← arrange ← repl ← examples, link uses core only, and guard (the bytecode checker) uses
 * no other module.
 */
class ArchitectureTest {
    private static JavaClasses classes;
    private static Map<String, ModuleDescriptor> modules;

    @BeforeAll
    static void importMainClasses() throws URISyntaxException {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.aether");
        modules = new java.util.HashMap<>();
        for (Class<?> k : List.of(DspNode.class, Dsp.class, Pattern.class, RealtimeChecker.class, OscServer.class, LinkPeer.class, Aether.class,
                HelloEngine.class, dev.aether.arrange.Project.class)) {
            Path where = Path.of(k.getProtectionDomain().getCodeSource().getLocation().toURI());
            ModuleDescriptor d = ModuleFinder.of(where).findAll().iterator().next().descriptor();
            modules.put(d.name(), d);
        }
    }

    @Test
    void shouldFindEveryModuleDescriptorAndItsClasses() {
        assertThat(modules.keySet()).containsExactlyInAnyOrder(
                "dev.aether.core", "dev.aether.nodes", "dev.aether.sequencing", "dev.aether.guard", "dev.aether.osc", "dev.aether.arrange", "dev.aether.link",
                "dev.aether.repl", "dev.aether.examples");
        assertThat(classes.size()).as("main classes imported").isGreaterThan(200);
    }

    @Test
    void shouldHaveNoPackageCycleInCore() {
        SliceAssignment byPackage = new SliceAssignment() {
            @Override public SliceIdentifier getIdentifierOf(JavaClass c) {
                String p = c.getPackageName();
                return p.startsWith("dev.aether.core") ? SliceIdentifier.of(p) : SliceIdentifier.ignore();
            }
            @Override public String getDescription() { return "packages of core"; }
        };
        slices().assignedFrom(byPackage).should().beFreeOfCycles().check(classes);
    }

    @Test
    void shouldUseOnlyPackagesThatTheirModuleExports() {
        List<String> violations = new ArrayList<>();
        for (JavaClass c : classes) {
            String from = moduleOf(c.getPackageName());
            if (from == null) continue;
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String pkg = d.getTargetClass().getBaseComponentType().getPackageName();
                String to = moduleOf(pkg);
                if (to == null || to.equals(from)) continue;
                if (!exportedTo(modules.get(to), pkg, from)) violations.add(d.getDescription());
            }
        }
        assertThat(violations).as("uses of packages their module does not export").isEmpty();
    }

    @Test
    void shouldLayerModulesDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("core").definedBy("dev.aether.core..")
                .layer("nodes").definedBy("dev.aether.nodes..")
                .layer("sequencing").definedBy("dev.aether.sequencing..")
                .layer("guard").definedBy("dev.aether.guard..")
                .layer("osc").definedBy("dev.aether.osc..")
                .layer("arrange").definedBy("dev.aether.arrange..")
                .layer("link").definedBy("dev.aether.link..")
                .layer("repl").definedBy("dev.aether.repl..")
                .layer("examples").definedBy("dev.aether.examples..")
                .whereLayer("examples").mayNotBeAccessedByAnyLayer()
                .whereLayer("repl").mayOnlyBeAccessedByLayers("examples")
                .whereLayer("nodes").mayOnlyBeAccessedByLayers("sequencing", "osc", "arrange", "repl", "examples")
                .whereLayer("sequencing").mayOnlyBeAccessedByLayers("osc", "arrange", "repl", "examples")
                .whereLayer("arrange").mayOnlyBeAccessedByLayers("repl", "examples")
                .whereLayer("osc").mayOnlyBeAccessedByLayers("repl", "examples")
                .whereLayer("guard").mayOnlyBeAccessedByLayers("repl", "examples")
                .whereLayer("link").mayOnlyBeAccessedByLayers("repl", "examples")
                .check(classes);
    }

    /** The Link peer is built on core's clock alone (issue 14): no other aether module, no library. */
    @Test
    void shouldBuildLinkOnCoreOnly() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage("dev.aether.link..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.aether.link..", "dev.aether.core..", "java..")
                .check(classes);
    }

    /** The module whose packages include {@code pkg}, or null for a class outside aether's modules. */
    private static String moduleOf(String pkg) {
        for (ModuleDescriptor d : modules.values()) if (d.packages().contains(pkg)) return d.name();
        return null;
    }

    private static boolean exportedTo(ModuleDescriptor owner, String pkg, String reader) {
        Set<ModuleDescriptor.Exports> exports = owner.exports();
        return exports.stream().filter(e -> e.source().equals(pkg))
                .anyMatch(e -> !e.isQualified() || e.targets().contains(reader));
    }

    @Test
    void shouldExportOnlyApiPackagesOfCore() {
        Set<String> exported = modules.get("dev.aether.core").exports().stream()
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        assertThat(exported).as("core's internals stay inside")
                .doesNotContain("dev.aether.core.graph", "dev.aether.core.rt", "dev.aether.core.command",
                        "dev.aether.core.buffer");
    }
}
