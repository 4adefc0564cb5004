package dk.tvaers.route;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.casefile.Stage;
import dk.tvaers.inbox.TaskForm;
import dk.tvaers.support.TvaersTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Every file in processes/ follows the conventions of docs/processes/README.md and names only things that exist. */
@TvaersTest
class ProcessConventionsTests {

    /** A gateway's condition: a decision compared with one of its words. */
    private static final Pattern DECISION = Pattern.compile("\\$\\{\\s*([a-zA-Z]+)\\s*==\\s*'([^']*)'\\s*}");
    /** Or a yes/no read as it is. */
    private static final Pattern YES_NO = Pattern.compile("\\$\\{!?([a-zA-Z]+)}");
    private static final Pattern ELEMENT_ID = Pattern.compile(
            "(StartEvent|EndEvent|Task|Gateway|SequenceFlow|BoundaryEvent|Timer|CallActivity|SubProcess|TimerEventDefinition)_[A-Z][A-Za-z0-9]*");
    private static final Pattern BEAN = Pattern.compile("\\$\\{([a-zA-Z][a-zA-Z0-9]*)[.}]");
    private static final Pattern STAGE = Pattern.compile("routeSteps\\.reached\\(execution, '([A-Z_]+)'\\)");

    @Autowired ApplicationContext context;

    private static List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    @Test
    void eachFileHoldsOneExecutableProcessNamedAfterIt() throws IOException {
        assertThat(files()).hasSize(5);
        for (Path file : files()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            var processes = model.getModelElementsByType(Process.class);
            assertThat(processes).as(file.toString()).hasSize(1);
            Process process = processes.iterator().next();
            assertThat(process.getId()).endsWith("Process").isEqualTo(file.getFileName().toString().replace(".bpmn", ""));
            assertThat(process.isExecutable()).isTrue();
            assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of " + file).isNotBlank();
        }
    }

    @Test
    void idsFollowTheNamingGuideAndUserTasksAreTheApiTaskKeys() throws IOException {
        for (Path file : files()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
                if (element instanceof UserTask) {
                    assertThat(TaskForm.FORMS).as("user task id in " + file + " has a form").containsKey(element.getId());
                    assertThat(((UserTask) element).getCamundaCandidateGroups()).as("candidate groups of " + element.getId()).isNotBlank();
                } else {
                    assertThat(element.getId()).as("element id in " + file).matches(ELEMENT_ID);
                }
                if (!(element instanceof SequenceFlow) && !element.getId().startsWith("Gateway_Join")) {
                    assertThat(element.getName()).as("Danish label of " + element.getId()).isNotBlank();
                }
            }
        }
    }

    @Test
    void everyExpressionNamesAnExistingBeanAndEveryStageExists() throws IOException {
        Set<String> stages = Set.copyOf(Arrays.stream(Stage.values()).map(Enum::name).toList());
        Set<String> processVariables = new java.util.HashSet<>(RouteProcess.DECISIONS.keySet());
        processVariables.addAll(Set.of(RouteProcess.Variables.INTERNSHIP_ENDS_ON, RouteProcess.Variables.CONSENT_GIVEN, "execution"));
        for (Path file : files()) {
            String xml = Files.readString(file);
            Matcher bean = BEAN.matcher(xml);
            while (bean.find()) {
                String name = bean.group(1);
                if (!processVariables.contains(name)) {
                    assertThat(context.containsBean(name)).as("bean " + name + " used in " + file).isTrue();
                }
            }
            Matcher stage = STAGE.matcher(xml);
            while (stage.find()) {
                assertThat(stages).contains(stage.group(1));
            }
            for (ServiceTask task : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(ServiceTask.class)) {
                String expression = task.getCamundaDelegateExpression();
                assertThat(expression).as("service task " + task.getId() + " calls a bean").matches("\\$\\{[a-z][A-Za-z]*Delegate}");
            }
        }
    }

    /**
     * The words a gateway branches on are the constants of the decision's enum, which the forms offer and the
     * API accepts: a word the BPMN compares that no form can produce would be a path no case takes.
     */
    @Test
    void everyConditionComparesADecisionWithAConstantOfItsEnum() throws IOException {
        int decisions = 0;
        for (Path file : files()) {
            for (SequenceFlow flow : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(SequenceFlow.class)) {
                if (flow.getConditionExpression() == null) {
                    continue;
                }
                String condition = flow.getConditionExpression().getTextContent().trim();
                Matcher decision = DECISION.matcher(condition);
                if (decision.matches()) {
                    Class<? extends Enum<?>> words = RouteProcess.DECISIONS.get(decision.group(1));
                    assertThat(words).as("%s in %s compares %s, which is no decision of RouteProcess.DECISIONS", flow.getId(), file, decision.group(1))
                            .isNotNull();
                    assertThat(Arrays.stream(words.getEnumConstants()).map(Enum::name)).as("%s in %s", flow.getId(), file).contains(decision.group(2));
                    decisions++;
                } else {
                    Matcher yesNo = YES_NO.matcher(condition);
                    assertThat(yesNo.matches()).as("condition %s of %s in %s: a decision == 'WORD' or a yes/no", condition, flow.getId(), file).isTrue();
                    assertThat(yesNo.group(1)).isEqualTo(RouteProcess.Variables.CONSENT_GIVEN);
                }
            }
        }
        assertThat(decisions).as("conditions checked").isGreaterThanOrEqualTo(9);
    }

    @Test
    void everyStageOfTheRouteIsReachedSomewhere() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path file : files()) {
            all.append(Files.readString(file));
        }
        for (String stage : List.of("CONSENT", "SPARRING", "NETWORK_MEETING", "INTERNSHIP", "FOLLOW_UP")) {
            assertThat(all).contains("routeSteps.reached(execution, '" + stage + "')");
        }
    }

    @SuppressWarnings("unused")
    private static String id(BaseElement element) {
        return element.getId();
    }
}
