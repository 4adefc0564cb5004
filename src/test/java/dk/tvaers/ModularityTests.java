package dk.tvaers;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Keeps the module boundaries honest (no cycles, no reaching into another module's insides) and draws them into docs/. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(TvaersApplication.class);

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
        modules.verify();
    }

    @Test
    void writesTheModuleDiagramIntoDocs() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
    }
}
