package dk.tvaers.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.tvaers.support.TvaersTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Duplicate filtering: an unchanged file makes no new version; a bad file replaces nothing. */
@TvaersTest
class RouteDeployerTests {

    @Autowired RouteDeployer deployer;
    @Autowired RepositoryService repository;

    private static byte[] probe(String name) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Probe" targetNamespace="http://tvaers.dk/bpmn">
                  <bpmn:process id="DeployProbeProcess" name="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_Probe" name="Start" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(name)).getBytes(StandardCharsets.UTF_8);
    }

    private int latestVersion() {
        var latest = repository.createProcessDefinitionQuery().processDefinitionKey("DeployProbeProcess").latestVersion().singleResult();
        return latest == null ? 0 : latest.getVersion();
    }

    @Test
    void deploysANewVersionOnlyWhenTheFileChanged() {
        int before = latestVersion();
        assertThat(deployer.deploy(Map.of("DeployProbeProcess.bpmn", probe("Prøve " + before)))).hasSize(1);
        assertThat(latestVersion()).isEqualTo(before + 1);

        assertThat(deployer.deploy(Map.of("DeployProbeProcess.bpmn", probe("Prøve " + before)))).isEmpty();
        assertThat(latestVersion()).isEqualTo(before + 1);

        assertThat(deployer.deploy(Map.of("DeployProbeProcess.bpmn", probe("Prøve ændret " + before)))).hasSize(1);
        assertThat(latestVersion()).isEqualTo(before + 2);
    }

    @Test
    void theShippedRouteIsNotDeployedAgainWhenUnchanged() {
        long versions = repository.createProcessDefinitionQuery().processDefinitionKey("CaseRouteProcess").count();
        assertThat(deployer.deploy(RouteDeployer.readFolder(java.nio.file.Path.of("processes")))).isEmpty();
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("CaseRouteProcess").count()).isEqualTo(versions);
    }

    @Test
    void aBadFileIsRejectedAndTheGoodVersionKeepsRunning() {
        deployer.deploy(Map.of("DeployProbeProcess.bpmn", probe("God")));
        int good = latestVersion();
        byte[] bad = new String(probe("Dårlig"), StandardCharsets.UTF_8)
                .replace("<bpmn:startEvent id=\"StartEvent_Probe\" name=\"Start\" />",
                        "<bpmn:startEvent id=\"StartEvent_Probe\" name=\"Start\" /><bpmn:sequenceFlow id=\"SequenceFlow_Nowhere\" sourceRef=\"StartEvent_Probe\" targetRef=\"Task_Missing\" />")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> deployer.deploy(Map.of("DeployProbeProcess.bpmn", bad)))
                .isInstanceOfSatisfying(InvalidProcessException.class, e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo("DeployProbeProcess.bpmn");
                    assertThat(p.message()).contains("Task_Missing");
                }));
        assertThat(latestVersion()).isEqualTo(good);
    }
}
