package dk.tvaers.route;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.support.TvaersTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Hot reload for development: a BPMN file saved in the watched folder is deployed with the same
 * validation as any deployment; a refused save deploys nothing and the running version keeps serving.
 */
@TvaersTest
class ProcessFolderWatcherTests {

    @Autowired ProcessDeployments deployments;
    @Autowired RepositoryService repository;

    private static String process(String step) {
        return ProcessesApiTests.mentorProcess("").replace("MentorProbeProcess", "ReloadProbeProcess").replace("id=\"mentorTalk\"", "id=\"" + step + "\"")
                .replace("targetRef=\"mentorTalk\"", "targetRef=\"" + step + "\"").replace("sourceRef=\"mentorTalk\"", "sourceRef=\"" + step + "\"");
    }

    private long versions() {
        return repository.createProcessDefinitionQuery().processDefinitionKey("ReloadProbeProcess").count();
    }

    /** Waits (at most 30 s) for the watcher to report an outcome; the watching thread is the engine's own time. */
    private static void awaitOutcome(ProcessFolderWatcher watcher, Predicate<String> outcome) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (watcher.outcomes().stream().noneMatch(outcome) && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        assertThat(watcher.outcomes()).anyMatch(outcome);
    }

    @Test
    void aSavedFileIsValidatedAndDeployedAndARefusedOneChangesNothing(@TempDir Path folder) throws Exception {
        long before = versions();
        try (ProcessFolderWatcher watcher = new ProcessFolderWatcher(folder, deployments).start()) {
            Files.writeString(folder.resolve("ReloadProbeProcess.bpmn"), process("mentorTalk"));
            awaitOutcome(watcher, o -> o.startsWith("deployed ReloadProbeProcess.bpmn"));
            assertThat(versions()).isEqualTo(before + 1);
            assertThat(deployments.processes()).anySatisfy(p -> {
                assertThat(p.key()).isEqualTo("ReloadProbeProcess");
                assertThat(p.versions().get(0).deployedBy()).isEqualTo("dev");
            });

            String withScript = process("mentorTalk").replace("<bpmn:endEvent id=\"EndEvent_Mentor\" />",
                    "<bpmn:scriptTask id=\"Task_Script\" scriptFormat=\"javascript\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>\n<bpmn:endEvent id=\"EndEvent_Mentor\" />");
            Files.writeString(folder.resolve("ReloadProbeProcess.bpmn"), withScript);
            awaitOutcome(watcher, o -> o.startsWith("refused ReloadProbeProcess.bpmn") && o.contains("Task_Script"));
            assertThat(versions()).isEqualTo(before + 1);

            Files.writeString(folder.resolve("ReloadProbeProcess.bpmn"), process("mentorCall"));
            awaitOutcome(watcher, o -> o.startsWith("deployed ReloadProbeProcess.bpmn") && o.contains("version " + (before + 2)));
            assertThat(versions()).isEqualTo(before + 2);
        }
    }
}
