package dk.tvaers.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each of the product's BPMN rules (API.md, Processes) with a file that breaks it and one that keeps it. */
class ProcessRulesTests {

    private static final ProcessRules RULES = new ProcessRules(Set.of("routeSteps", "sweepAlarmsDelegate", "routeTimers")::contains);

    /** A small executable process; {@code body} goes between the start and the end event. */
    private static String process(String attributes, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    id="Definitions_Probe" targetNamespace="http://tvaers.dk/bpmn">
                  <bpmn:process id="RuleProbeProcess" name="Prøve" isExecutable="true" %s>
                    <bpmn:startEvent id="StartEvent_Probe" />
                %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(attributes, body);
    }

    private static List<InvalidProcessException.Problem> check(String xml) {
        return RULES.check("RuleProbeProcess.bpmn", xml.getBytes(StandardCharsets.UTF_8));
    }

    private static final String TTL = "camunda:historyTimeToLive=\"P30D\"";

    @Test
    void theShippedProcessesKeepEveryRule() throws Exception {
        try (var files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                ProcessRules shipped = new ProcessRules(name -> true);
                assertThat(shipped.check(file.getFileName().toString(), Files.readAllBytes(file))).as(file.toString()).isEmpty();
            }
        }
    }

    @Test
    void aScriptTaskIsRefusedWithItsElementAndLine() {
        List<InvalidProcessException.Problem> problems = check(process(TTL,
                "    <bpmn:scriptTask id=\"Task_Script\" scriptFormat=\"javascript\"><bpmn:script>java.lang.System.exit(1)</bpmn:script></bpmn:scriptTask>"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("RuleProbeProcess.bpmn");
            assertThat(p.element()).isEqualTo("Task_Script");
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).startsWith("scriptopgaver er ikke tilladt");
        });
    }

    @Test
    void aScriptListenerAnExternalScriptAndAScriptConditionAreRefused() {
        String listener = """
                    <bpmn:serviceTask id="Task_Listened" camunda:delegateExpression="${sweepAlarmsDelegate}">
                      <bpmn:extensionElements>
                        <camunda:executionListener event="start"><camunda:script scriptFormat="groovy">println 'x'</camunda:script></camunda:executionListener>
                        <camunda:inputOutput><camunda:inputParameter name="x"><camunda:script scriptFormat="groovy" resource="deployment://evil.groovy" /></camunda:inputParameter></camunda:inputOutput>
                      </bpmn:extensionElements>
                    </bpmn:serviceTask>
                    <bpmn:sequenceFlow id="Flow_Script" sourceRef="StartEvent_Probe" targetRef="Task_Listened">
                      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">true</bpmn:conditionExpression>
                    </bpmn:sequenceFlow>
                """;
        assertThat(check(process(TTL, listener))).extracting(InvalidProcessException.Problem::element, InvalidProcessException.Problem::message)
                .anySatisfy(t -> assertThat(t.toList()).containsExactly("Task_Listened", "scripts er ikke tilladt (camunda:script i en lytter, et input/output eller en ekstern scriptfil)"))
                .anySatisfy(t -> assertThat(t.toList().get(0)).isEqualTo("Flow_Script"))
                .hasSize(3);
    }

    /** A step a process owner adds: the user task mentorTalk with the given attributes and form fields. */
    private static String mentorTalk(String attributes, String fields) {
        return "    <bpmn:userTask id=\"mentorTalk\" name=\"Samtale med mentor\" " + attributes + ">"
                + (fields == null ? "" : "<bpmn:extensionElements><camunda:formData>" + fields + "</camunda:formData></bpmn:extensionElements>")
                + "</bpmn:userTask>";
    }

    private static final String GROUP = "camunda:candidateGroups=\"coordinators\"";

    @Test
    void aUserTaskNeedsACandidateGroup() {
        assertThat(check(process(TTL, mentorTalk("", ""))))
                .singleElement().satisfies(p -> {
                    assertThat(p.element()).isEqualTo("mentorTalk");
                    assertThat(p.message()).contains("kandidatgruppe");
                });
        assertThat(check(process(TTL, mentorTalk(GROUP, "")))).isEmpty();
        assertThat(check(process(TTL, mentorTalk("camunda:assignee=\"koordinator\"", "")))).isEmpty();
    }

    @Test
    void aStepTheProductHasNoFormForNeedsFormFieldsItCanShow() {
        assertThat(check(process(TTL, mentorTalk(GROUP, null)))).singleElement().satisfies(p -> {
            assertThat(p.element()).isEqualTo("mentorTalk");
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).startsWith("Tværs har ingen formular til brugeropgaven 'mentorTalk'");
        });
        String every = """
                <camunda:formField id="topic" label="Emne" type="string"><camunda:validation><camunda:constraint name="required" />                <camunda:constraint name="maxlength" config="200" /></camunda:validation></camunda:formField>
                <camunda:formField id="talkForm" label="Samtaleform" type="enum"><camunda:value id="PHONE" name="Telefon" /></camunda:formField>
                <camunda:formField id="talkHeldOn" label="Dato" type="date" />
                <camunda:formField id="mentorFound" type="boolean" defaultValue="true" />
                <camunda:formField id="mentorHours" type="long"><camunda:validation><camunda:constraint name="min" config="0" /></camunda:validation></camunda:formField>
                """;
        assertThat(check(process(TTL, mentorTalk(GROUP, every)))).isEmpty();
        // A shipped task key has the product's own form, whatever its form fields say.
        assertThat(check(process(TTL, "    <bpmn:userTask id=\"followUp\" " + GROUP + " />"))).isEmpty();

        for (String[] bad : new String[][] {
                {"<camunda:formField id=\"x\" type=\"custom\" />", "har typen 'custom'; Tværs viser string, long, boolean, date og enum"},
                {"<camunda:formField id=\"x\" type=\"enum\" />", "er en enum uden værdier"},
                {"<camunda:formField id=\"x\" type=\"string\"><camunda:validation><camunda:constraint name=\"validator\" config=\"com.evil.V\" />"
                        + "</camunda:validation></camunda:formField>", "en validator-klasse ville køre inde i motoren"},
                {"<camunda:formField id=\"x\" type=\"string\"><camunda:validation><camunda:constraint name=\"maxlength\" config=\"lang\" />"
                        + "</camunda:validation></camunda:formField>", "har reglen 'maxlength' uden et helt tal som værdi"},
                {"<camunda:formField id=\"x\" type=\"string\" defaultValue=\"${runtime.exec('x')}\" />", "udtryk i formularfelter er ikke tilladt"},
                {"<camunda:formField id=\"consentGiven\" type=\"boolean\" />", "ville overskrive forløbets variabel"},
                {"<camunda:formField id=\"x\" type=\"long\" /><camunda:formField id=\"x\" type=\"long\" />", "findes to gange"},
                {"<camunda:formField id=\"1x\" type=\"long\" />", "skal have et id af bogstaver"}}) {
            assertThat(check(process(TTL, mentorTalk(GROUP, bad[0])))).as(bad[0]).singleElement().satisfies(p -> {
                assertThat(p.element()).isEqualTo("mentorTalk");
                assertThat(p.message()).contains(bad[1]);
            });
        }
        assertThat(check(process(TTL, mentorTalk(GROUP + " camunda:formKey=\"embedded:app:forms/x.html\"", ""))))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("fjern formKey/formRef"));
    }

    @Test
    void aNewVersionOfTheRouteKeepsTheElementsTheCodeRefersTo() throws Exception {
        String shipped = Files.readString(Path.of("processes", "InternshipProcess.bpmn"));
        ProcessRules all = new ProcessRules(name -> true);
        assertThat(all.check("InternshipProcess.bpmn", shipped.replace("Timer_MidwayReview", "Timer_Halfway").getBytes(StandardCharsets.UTF_8)))
                .singleElement().satisfies(p -> {
                    assertThat(p.element()).isEqualTo("InternshipProcess");
                    assertThat(p.line()).isEqualTo(3);
                    assertThat(p.message()).startsWith("elementet 'Timer_MidwayReview' mangler; Tværs' kode bruger det");
                });
        // Another process may have steps of any name.
        assertThat(check(process(TTL, ""))).isEmpty();
    }

    @Test
    void timersAreValidIso8601OrCronOrAnExpression() {
        String timer = "    <bpmn:intermediateCatchEvent id=\"Timer_Wait\"><bpmn:timerEventDefinition id=\"TimerDef\"><bpmn:%s xsi:type=\"bpmn:tFormalExpression\">%s</bpmn:%s></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>";
        for (String[] good : new String[][] {{"timeDuration", "P14D"}, {"timeDuration", "PT2H30M"}, {"timeDuration", "P1DT2H"},
                {"timeDate", "2026-12-24T10:00:00+01:00"}, {"timeCycle", "R3/PT10M"}, {"timeCycle", "0 5 0 * * ?"},
                {"timeDuration", "${routeTimers.followUpInterval}"}}) {
            assertThat(check(process(TTL, timer.formatted(good[0], good[1], good[0])))).as(good[1]).isEmpty();
        }
        for (String[] bad : new String[][] {{"timeDuration", "14 dage"}, {"timeDuration", "P14X"}, {"timeDate", "24-12-2026"}, {"timeCycle", "hver dag"}}) {
            assertThat(check(process(TTL, timer.formatted(bad[0], bad[1], bad[0])))).as(bad[1]).singleElement().satisfies(p -> {
                assertThat(p.element()).isEqualTo("Timer_Wait");
                assertThat(p.message()).contains("'" + bad[1] + "' er ikke en gyldig ISO 8601-værdi");
            });
        }
    }

    @Test
    void expressionsNameAnExistingBeanAndCamundaClassIsRefused() {
        assertThat(check(process(TTL, "    <bpmn:serviceTask id=\"Task_Call\" camunda:delegateExpression=\"${sweepAlarmsDelegate}\" />"))).isEmpty();
        assertThat(check(process(TTL, "    <bpmn:serviceTask id=\"Task_Call\" camunda:delegateExpression=\"${noSuchBean}\" />")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("bønnen 'noSuchBean', som ikke findes"));
        assertThat(check(process(TTL, "    <bpmn:serviceTask id=\"Task_Call\" camunda:class=\"java.lang.Runtime\" />")))
                .singleElement().satisfies(p -> assertThat(p.message()).startsWith("camunda:class er ikke tilladt"));
        assertThat(check(process(TTL, """
                    <bpmn:task id="Task_Step">
                      <bpmn:extensionElements><camunda:executionListener expression="${routeSteps.reached(execution, 'CONSENT')}" event="start" /></bpmn:extensionElements>
                    </bpmn:task>
                """))).isEmpty();
        assertThat(check(process(TTL, "    <bpmn:serviceTask id=\"Task_Nothing\" />")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("kalder intet"));
    }

    @Test
    void historyTimeToLiveIsSet() {
        assertThat(check(process("", ""))).singleElement().satisfies(p -> {
            assertThat(p.element()).isEqualTo("RuleProbeProcess");
            assertThat(p.message()).contains("historyTimeToLive");
        });
    }
}
