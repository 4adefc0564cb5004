package dk.tvaers.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shipped route with a step a process owner adds in Camunda Modeler: "Samtale med mentor"
 * ({@code mentorTalk}) between the consent and the youth team's sparring, with a generic form of
 * every field type Tværs shows (string, enum, date, boolean, long), drawn on the diagram.
 */
public final class MentorStep {

    public static final String TASK_KEY = "mentorTalk";
    public static final String FILE = "CaseRouteProcess.bpmn";

    private static final String TASK = """
                <bpmn:userTask id="mentorTalk" name="Samtale med mentor" camunda:candidateGroups="coordinators">
                  <bpmn:extensionElements>
                    <camunda:formData>
                      <camunda:formField id="topic" label="Emne for samtalen" type="string">
                        <camunda:validation>
                          <camunda:constraint name="required" />
                          <camunda:constraint name="maxlength" config="200" />
                        </camunda:validation>
                      </camunda:formField>
                      <camunda:formField id="talkForm" label="Samtaleform" type="enum">
                        <camunda:validation>
                          <camunda:constraint name="required" />
                        </camunda:validation>
                        <camunda:value id="IN_PERSON" name="Fremmøde" />
                        <camunda:value id="PHONE" name="Telefon" />
                        <camunda:value id="VIDEO" name="Video" />
                      </camunda:formField>
                      <camunda:formField id="talkHeldOn" label="Dato for samtalen" type="date">
                        <camunda:validation>
                          <camunda:constraint name="required" />
                        </camunda:validation>
                      </camunda:formField>
                      <camunda:formField id="mentorFound" label="Har borgeren fået en mentor?" type="boolean" />
                      <camunda:formField id="mentorHours" label="Mentortimer om måneden" type="long">
                        <camunda:validation>
                          <camunda:constraint name="min" config="0" />
                          <camunda:constraint name="max" config="40" />
                        </camunda:validation>
                      </camunda:formField>
                    </camunda:formData>
                  </bpmn:extensionElements>
                  <bpmn:incoming>SequenceFlow_ConsentGiven</bpmn:incoming>
                  <bpmn:outgoing>Flow_MentorTalkHeld</bpmn:outgoing>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="Flow_MentorTalkHeld" sourceRef="mentorTalk" targetRef="youthTeamSparring" />
            """;

    private static final String DIAGRAM = """
                  <bpmndi:BPMNShape id="mentorTalk_di" bpmnElement="mentorTalk">
                    <dc:Bounds x="610" y="280" width="100" height="80" />
                  </bpmndi:BPMNShape>
                  <bpmndi:BPMNEdge id="Flow_MentorTalkHeld_di" bpmnElement="Flow_MentorTalkHeld">
                    <di:waypoint x="690" y="280" />
                    <di:waypoint x="690" y="258" />
                  </bpmndi:BPMNEdge>
            """;

    private MentorStep() {
    }

    /** The shipped route as it is in {@code processes/}. */
    public static String shipped() {
        try {
            return Files.readString(Path.of("processes", FILE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped route with the mentor step added. */
    public static String route() {
        String xml = shipped();
        xml = replaceOnce(xml, "sourceRef=\"Gateway_ConsentGiven\" targetRef=\"youthTeamSparring\"", "sourceRef=\"Gateway_ConsentGiven\" targetRef=\"mentorTalk\"");
        xml = replaceOnce(xml, "      <bpmn:incoming>SequenceFlow_ConsentGiven</bpmn:incoming>\n      <bpmn:outgoing>SequenceFlow_SparringHeld</bpmn:outgoing>",
                "      <bpmn:incoming>Flow_MentorTalkHeld</bpmn:incoming>\n      <bpmn:outgoing>SequenceFlow_SparringHeld</bpmn:outgoing>");
        xml = replaceOnce(xml, "  </bpmn:process>", TASK + "  </bpmn:process>");
        xml = replaceOnce(xml, """
                        <di:waypoint x="605" y="218" />
                        <di:waypoint x="660" y="218" />""".indent(8).stripTrailing(), """
                        <di:waypoint x="605" y="218" />
                        <di:waypoint x="630" y="218" />
                        <di:waypoint x="630" y="280" />""".indent(8).stripTrailing());
        return replaceOnce(xml, "    </bpmndi:BPMNPlane>", DIAGRAM + "    </bpmndi:BPMNPlane>");
    }

    private static String replaceOnce(String text, String what, String with) {
        int at = text.indexOf(what);
        if (at < 0 || text.indexOf(what, at + 1) >= 0) {
            throw new IllegalStateException("The shipped route changed: '" + what + "' is not there exactly once");
        }
        return text.substring(0, at) + with + text.substring(at + what.length());
    }
}
