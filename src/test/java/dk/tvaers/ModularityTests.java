package dk.tvaers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Keeps the module boundaries honest (no cycles, no reaching into another module's insides) and draws them into docs/. */
class ModularityTests {

    private static final Path DOCS = Path.of("docs/modules");

    private final ApplicationModules modules = ApplicationModules.of(TvaersApplication.class);

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
        modules.verify();
    }

    /** The shared web part serves every feature's pages, so it may know none of them (docs/architecture.md). */
    @Test
    void theSharedWebPartKnowsNoFeature() {
        assertThat(dependenciesOf("web")).as("web leans on the domain's exceptions and the user only")
                .isSubsetOf("casefile", "route", "security");
    }

    /** The domain is below every page and the API: a page can change without the case file, the rules or the route knowing. */
    @Test
    void theDomainKnowsNoPageAndNoApi() {
        for (String domain : List.of("casefile", "rules", "route", "alarms", "security")) {
            assertThat(dependenciesOf(domain)).as(domain).doesNotContainAnyElementsOf(List.of("web", "api", "caseview", "inbox", "meetings", "audit"));
        }
    }

    private List<String> dependenciesOf(String module) {
        return modules.getModuleByName(module).orElseThrow().getDirectDependencies(modules).uniqueModules()
                .map(ApplicationModule::getName).toList();
    }

    @Test
    void writesTheModuleDiagramIntoDocs() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                sortRelations(file);
            }
        }
        String overview = Files.readString(DOCS.resolve("components.puml"));
        modules.forEach(module -> assertThat(overview).as("module %s drawn", module.getDisplayName()).contains(module.getDisplayName()));
        modules.forEach(module -> assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".puml")).exists());
    }

    /**
     * The documenter lists a diagram's modules and relations in no fixed order; sorted, a file changes only when
     * the modules do, and a test run leaves the working copy clean.
     */
    private static void sortRelations(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (String kind : List.of("Rel(", "  Component(")) {
            Iterator<String> sorted = lines.stream().filter(line -> line.startsWith(kind)).sorted().toList().iterator();
            List<String> result = new ArrayList<>(lines.size());
            for (String line : lines) {
                result.add(line.startsWith(kind) ? sorted.next() : line);
            }
            lines = result;
        }
        Files.write(file, lines);
    }
}
