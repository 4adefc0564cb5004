package dk.tvaers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A broken BPMN or rule file stops startup, and the message names file, place and reason. */
class StartupTests {

    private static final String BROKEN_PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Broken" targetNamespace="http://tvaers.dk/bpmn">
              <bpmn:process id="BrokenProcess" name="Brudt" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="StartEvent_Started" name="Start" />
                <bpmn:sequenceFlow id="SequenceFlow_Go" sourceRef="StartEvent_Started" targetRef="Task_Broken" />
                <bpmn:serviceTask id="Task_Broken" name="Mangler en implementering" />
                <bpmn:sequenceFlow id="SequenceFlow_Done" sourceRef="Task_Broken" targetRef="EndEvent_Done" />
                <bpmn:endEvent id="EndEvent_Done" name="Slut" />
              </bpmn:process>
            </bpmn:definitions>
            """;

    private static Throwable start(String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of(
                "--spring.datasource.url=jdbc:h2:mem:startup-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                // Its own engine name: the engine registry is static, and closing this failed context must
                // not unregister the engine of the test context that other test classes share.
                "--camunda.bpm.process-engine-name=startup" + System.nanoTime(),
                // Nor its own webapps: Camunda keeps their runtime in static fields the shared context uses.
                "--camunda.bpm.webapp.enabled=false",
                "--server.port=0", "--camunda.bpm.job-execution.enabled=false")).toArray(String[]::new);
        Throwable thrown = catchThrowable(() -> {
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TvaersApplication.class).profiles("test").run(all)) {
                context.getBean(TvaersApplication.class);
            }
        });
        assertThat(thrown).as("startup should have failed").isNotNull();
        return rootCause(thrown);
    }

    private static Throwable rootCause(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null && !(cause instanceof dk.tvaers.route.InvalidProcessException)
                && !(cause instanceof dk.tvaers.rules.RuleCompilationException)) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    @Test
    void aBrokenProcessStopsStartupNamingFileElementAndReason(@TempDir Path processes) throws IOException {
        copy(Path.of("processes"), processes);
        Files.writeString(processes.resolve("BrokenProcess.bpmn"), BROKEN_PROCESS);
        Throwable cause = start("--tvaers.processes.dir=" + processes);
        assertThat(cause).isInstanceOf(dk.tvaers.route.InvalidProcessException.class);
        assertThat(cause.getMessage())
                .contains("BrokenProcess.bpmn")
                .contains("element Task_Broken")
                .contains("linje 6")
                .containsIgnoringCase("delegateExpression");
    }

    @Test
    void aProcessFileThatIsNotXmlStopsStartupNamingTheFile(@TempDir Path processes) throws IOException {
        copy(Path.of("processes"), processes);
        Files.writeString(processes.resolve("HalfProcess.bpmn"), "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n<bpmn:process id=\"HalfProcess\"");
        Throwable cause = start("--tvaers.processes.dir=" + processes);
        assertThat(cause).isInstanceOf(dk.tvaers.route.InvalidProcessException.class);
        assertThat(cause.getMessage()).contains("HalfProcess.bpmn");
    }

    @Test
    void aBrokenRuleStopsStartupNamingFileLineAndCompilerMessage(@TempDir Path rules) throws IOException {
        copy(Path.of("rules"), rules);
        Path drl = rules.resolve("alarms/alarms.drl");
        String text = Files.readString(drl);
        // The appended block starts with a blank line; the broken constraint is its fourth line.
        int line = (int) text.lines().count() + 4;
        Files.writeString(drl, text + """

                rule "a leader's typo"
                when
                    CaseFacts( agee > 30 )
                then
                end
                """);
        Throwable cause = start("--tvaers.rules.dir=" + rules);
        assertThat(cause).isInstanceOf(dk.tvaers.rules.RuleCompilationException.class);
        assertThat(cause.getMessage()).contains("alarms/alarms.drl:" + line).contains("agee");
    }
}
