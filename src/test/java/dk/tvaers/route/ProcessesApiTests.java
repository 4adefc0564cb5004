package dk.tvaers.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.tvaers.support.TvaersTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Process owners deploy through the API as API.md has it: validated like at startup, 201 with what
 * changed, 200 for an unchanged file, 422 with file, element, line and reason and nothing deployed.
 */
@TvaersTest
class ProcessesApiTests {

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired RepositoryService repository;
    @Autowired RouteDeployer deployer;

    static String mentorProcess(String extraTask) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    id="Definitions_Mentor" targetNamespace="http://tvaers.dk/bpmn">
                  <bpmn:process id="MentorProbeProcess" name="Mentorforløb" isExecutable="true" camunda:historyTimeToLive="P30D">
                    <bpmn:startEvent id="StartEvent_Mentor" />
                    <bpmn:sequenceFlow id="Flow_ToTalk" sourceRef="StartEvent_Mentor" targetRef="mentorTalk" />
                    <bpmn:userTask id="mentorTalk" name="Samtale med mentor" camunda:candidateGroups="coordinators"><bpmn:extensionElements><camunda:formData /></bpmn:extensionElements></bpmn:userTask>
                    <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="mentorTalk" targetRef="%s" />
                %s
                    <bpmn:endEvent id="EndEvent_Mentor" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(extraTask.isEmpty() ? "EndEvent_Mentor" : "mentorFollowUp", extraTask);
    }

    static final String FOLLOW_UP = """
                <bpmn:userTask id="mentorFollowUp" name="Opfølgning med mentor" camunda:candidateGroups="coordinators"><bpmn:extensionElements><camunda:formData /></bpmn:extensionElements></bpmn:userTask>
                <bpmn:sequenceFlow id="Flow_FollowUpToEnd" sourceRef="mentorFollowUp" targetRef="EndEvent_Mentor" />
            """;

    private ResponseEntity<String> deploy(String user, String fileName, String xml) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("files", new ByteArrayResource(xml.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        form.add("comment", "Samtale med mentor tilføjet");
        return http.exchange("/api/processes/deployments", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

    private ResponseEntity<String> get(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, user);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private long versions(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).count();
    }

    @Test
    void aProcessOwnerDeploysANewStepAndSeesWhatChanged() throws Exception {
        long before = versions("MentorProbeProcess");
        ResponseEntity<String> first = deploy("procesejer", "MentorProbeProcess.bpmn", mentorProcess(""));
        assertThat(first.getStatusCode().value()).isIn(200, 201);

        ResponseEntity<String> same = deploy("procesejer", "MentorProbeProcess.bpmn", mentorProcess(""));
        assertThat(same.getStatusCode().value()).isEqualTo(200);
        JsonNode unchanged = json.readTree(same.getBody());
        assertThat(unchanged.path("definitions").get(0).path("key").asText()).isEqualTo("MentorProbeProcess");
        long afterFirst = versions("MentorProbeProcess");
        assertThat(afterFirst).isBetween(before, before + 1);

        ResponseEntity<String> changed = deploy("procesejer", "MentorProbeProcess.bpmn", mentorProcess(FOLLOW_UP));
        assertThat(changed.getStatusCode().value()).isEqualTo(201);
        JsonNode deployed = json.readTree(changed.getBody());
        assertThat(deployed.path("definitions").get(0).path("version").asLong()).isEqualTo(afterFirst + 1);
        JsonNode changes = deployed.path("changes").get(0);
        assertThat(changes.path("key").asText()).isEqualTo("MentorProbeProcess");
        assertThat(changes.path("added").toString()).isEqualTo("[\"Flow_FollowUpToEnd\",\"mentorFollowUp\"]");
        assertThat(changes.path("removed")).isEmpty();
        assertThat(changes.path("changed").toString()).contains("Flow_ToEnd");

        String definitionId = deployed.path("definitions").get(0).path("definitionId").asText();
        ResponseEntity<String> xml = get("procesejer", "/api/processes/" + definitionId + "/xml");
        assertThat(xml.getStatusCode().value()).isEqualTo(200);
        assertThat(xml.getBody()).isEqualTo(mentorProcess(FOLLOW_UP));
        assertThat(get("procesejer", "/api/processes/NoSuchProcess:1:x/xml").getStatusCode().value()).isEqualTo(404);

        JsonNode processes = json.readTree(get("procesejer", "/api/processes").getBody());
        assertThat(processes).anySatisfy(p -> {
            assertThat(p.path("key").asText()).isEqualTo("MentorProbeProcess");
            assertThat(p.path("name").asText()).isEqualTo("Mentorforløb");
            assertThat(p.path("versions").get(0).path("definitionId").asText()).isEqualTo(definitionId);
            assertThat(p.path("versions").get(0).path("deployedBy").asText()).isEqualTo("procesejer");
            assertThat(p.path("versions").get(0).path("runningInstances").asLong()).isZero();
        });
        assertThat(processes).anySatisfy(p -> {
            assertThat(p.path("key").asText()).isEqualTo("CaseRouteProcess");
            assertThat(p.path("versions").get(0).path("deployedBy").asText()).isEqualTo("system");
        });

        // A restart deploys the shipped folder again: a file a version has had is not deployed over the newer one.
        assertThat(deployer.notDeployedBefore(Map.of("MentorProbeProcess.bpmn", mentorProcess("").getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    @Test
    void aScriptTaskIsRefusedWithItsElementAndNothingIsDeployed() throws Exception {
        long before = versions("MentorProbeProcess");
        String withScript = mentorProcess("").replace("<bpmn:endEvent id=\"EndEvent_Mentor\" />",
                "<bpmn:scriptTask id=\"Task_Script\" scriptFormat=\"javascript\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>\n    <bpmn:endEvent id=\"EndEvent_Mentor\" />");
        ResponseEntity<String> refused = deploy("procesejer", "MentorProbeProcess.bpmn", withScript);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        JsonNode error = json.readTree(refused.getBody()).path("errors").get(0);
        assertThat(error.path("file").asText()).isEqualTo("MentorProbeProcess.bpmn");
        assertThat(error.path("element").asText()).isEqualTo("Task_Script");
        assertThat(error.path("line").asInt()).isEqualTo(11);
        assertThat(error.path("message").asText()).startsWith("scriptopgaver er ikke tilladt");
        assertThat(versions("MentorProbeProcess")).isEqualTo(before);

        ResponseEntity<String> malformed = deploy("procesejer", "MentorProbeProcess.bpmn", mentorProcess("").replace("</bpmn:process>", ""));
        assertThat(malformed.getStatusCode().value()).isEqualTo(422);
        assertThat(json.readTree(malformed.getBody()).path("errors").get(0).path("line").asInt()).as(malformed.getBody()).isPositive();
        assertThat(deploy("procesejer", "notes.txt", "x").getStatusCode().value()).isEqualTo(400);
        assertThat(versions("MentorProbeProcess")).isEqualTo(before);
    }

    @Test
    void aMultipartBodyThatDoesNotMatchItsBoundaryIsRefusedWith400() throws Exception {
        for (String[] door : new String[][] {{"procesejer", "/api/processes/deployments"}, {"leder", "/api/rules/deployments"},
                {"koordinator", "/api/rules/deployments"}}) {
            HttpHeaders headers = new HttpHeaders();
            headers.setBasicAuth(door[0], door[0]);
            headers.set(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=aaaa");
            ResponseEntity<String> answer = http.exchange(door[1], HttpMethod.POST,
                    new HttpEntity<>("--aaaa\r\nContent-Disposition: form-data; name=\"files\"; filename=\"x.bpmn\"\r\n\r\n<bpmn", headers), String.class);
            assertThat(answer.getStatusCode().value()).as(door[1] + " as " + door[0]).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(json.readTree(answer.getBody()).path("errors").get(0).path("message").asText()).contains("multipart/form-data");
        }
    }

    @Test
    void onlyProcessOwnersAndAdministratorsWorkWithTheProcesses() {
        for (String user : List.of("koordinator", "uu", "leder")) {
            assertThat(get(user, "/api/processes").getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(deploy(user, "MentorProbeProcess.bpmn", mentorProcess("")).getStatusCode().value()).as(user).isEqualTo(403);
        }
        assertThat(get(null, "/api/processes").getStatusCode().value()).isEqualTo(401);
        assertThat(get("admin", "/api/processes").getStatusCode().value()).isEqualTo(200);
        assertThat(get("procesejer", "/api/processes").getBody()).doesNotContainPattern("\\b\\d{6}-?\\d{4}\\b");
    }
}
