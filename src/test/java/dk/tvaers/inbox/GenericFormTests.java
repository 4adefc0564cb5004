package dk.tvaers.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.tvaers.casefile.ConsentGiver;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.Flag;
import dk.tvaers.route.RouteDeployer;
import dk.tvaers.support.Api;
import dk.tvaers.support.MentorStep;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import dk.tvaers.support.WebSession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A step a process owner adds to the route in Camunda Modeler ("Samtale med mentor", with a string, an
 * enum, a date, a yes/no and a number field) is deployed through the API and worked by a coordinator
 * through its generic form: over the API and on the page, every wrong field at once and in Danish, the
 * values handed to the process and written to the journey, and the route going on to the youth team.
 */
@TvaersTest
class GenericFormTests {

    @LocalServerPort int port;
    @Autowired Api api;
    @Autowired Route route;
    @Autowired TestRestTemplate http;
    @Autowired RouteDeployer deployer;
    @Autowired HistoryService history;

    @BeforeEach
    void aProcessOwnerDeploysTheMentorStep() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("procesejer", "procesejer");
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("files", new ByteArrayResource(MentorStep.route().getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return MentorStep.FILE;
            }
        });
        form.add("comment", "Samtale med mentor efter samtykket");
        ResponseEntity<String> deployed = http.exchange("/api/processes/deployments", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
        assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(201);
        assertThat(deployed.getBody()).contains("\"added\":[\"Flow_MentorTalkHeld\",\"mentorTalk\"],\"removed\":[],\"changed\":[\"SequenceFlow_ConsentGiven\",\"youthTeamSparring\"]");
    }

    @AfterEach
    void theShippedRouteServesNewCasesAgain() {
        deployer.deploy(Map.of(MentorStep.FILE, MentorStep.shipped().getBytes(StandardCharsets.UTF_8)));
    }

    /** A new case whose consent is given: it stands at the mentor step. */
    private String caseAtTheMentorStep() {
        String caseId = route.refer("Mentor Borger", 22, Flag.SOCIAL_ISOLATION).id();
        route.complete(caseId, "koordinator", new TaskForm.RegisterConsent(true, ConsentGiver.CITIZEN, Set.of(Department.SOCIAL), Route.today()));
        return caseId;
    }

    private String mentorTask(String caseId) {
        Api.Response tasks = api.get("koordinator", "/api/tasks?caseId=" + caseId + "&taskKey=" + MentorStep.TASK_KEY);
        assertThat(tasks.body()).hasSize(1);
        assertThat(tasks.body().get(0).get("name").asText()).isEqualTo("Samtale med mentor");
        return tasks.body().get(0).get("id").asText();
    }

    private static Map<String, String> errors(Api.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        Map<String, String> errors = new HashMap<>();
        response.body().get("errors").forEach(e -> errors.put(e.get("field").asText(), e.get("message").asText()));
        return errors;
    }

    @Test
    void theStepIsCompletedOverTheApiThroughItsFormFields() {
        String caseId = caseAtTheMentorStep();
        String taskId = mentorTask(caseId);

        JsonNode form = api.get("koordinator", "/api/tasks/" + taskId + "/form").body();
        assertThat(form.get("generic").asBoolean()).isTrue();
        List<String> fields = new ArrayList<>();
        form.get("fields").forEach(f -> fields.add(f.get("id").asText() + ":" + f.get("type").asText() + ":" + f.get("required").asBoolean()));
        assertThat(fields).containsExactly("topic:string:true", "talkForm:enum:true", "talkHeldOn:date:true", "mentorFound:boolean:false",
                "mentorHours:long:false");
        assertThat(form.get("fields").get(0).get("maxLength").asInt()).isEqualTo(200);
        assertThat(form.get("fields").get(1).get("values").toString())
                .isEqualTo("[{\"id\":\"IN_PERSON\",\"name\":\"Fremmøde\"},{\"id\":\"PHONE\",\"name\":\"Telefon\"},{\"id\":\"VIDEO\",\"name\":\"Video\"}]");
        assertThat(form.get("fields").get(4).get("max").asLong()).isEqualTo(40);
        assertThat(api.get("koordinator", "/api/tasks/" + route.task(caseId, "mentorTalk").getId() + "/form").status()).isEqualTo(200);

        // Every wrong field at once, in Danish, and nothing recorded.
        Map<String, String> missing = errors(api.post("koordinator", "/api/tasks/" + taskId + "/complete", Map.of()));
        assertThat(missing).containsOnlyKeys("topic", "talkForm", "talkHeldOn").containsEntry("topic", "Skal udfyldes");
        Map<String, Object> wrong = new HashMap<>();
        wrong.put("topic", "x".repeat(201));
        wrong.put("talkForm", "MAIL");
        wrong.put("talkHeldOn", "31-12-2026");
        wrong.put("mentorFound", "ja");
        wrong.put("mentorHours", 41);
        wrong.put("caseId", "another");
        assertThat(errors(api.post("koordinator", "/api/tasks/" + taskId + "/complete", wrong)))
                .containsEntry("topic", "Må højst være 200 tegn")
                .containsEntry("talkForm", "Ukendt værdi 'MAIL'; gyldige: IN_PERSON, PHONE, VIDEO")
                .containsEntry("talkHeldOn", "Skal være en gyldig dato (ÅÅÅÅ-MM-DD)")
                .containsEntry("mentorFound", "Skal være ja (true) eller nej (false)")
                .containsEntry("mentorHours", "Skal være mellem 0 og 40")
                .containsEntry("caseId", "Ukendt felt");
        assertThat(errors(api.post("koordinator", "/api/tasks/" + taskId + "/complete",
                Map.of("topic", "Borgeren 010190-1234", "talkForm", "PHONE", "talkHeldOn", Route.today().toString()))))
                .containsOnlyKeys("topic");
        assertThat(route.openTasks(caseId)).extracting(t -> t.getTaskDefinitionKey()).containsExactly("mentorTalk");
        assertThat(api.post("uu", "/api/tasks/" + taskId + "/complete", Map.of()).status()).isEqualTo(404);

        Api.Response done = api.post("koordinator", "/api/tasks/" + taskId + "/complete", Map.of("topic", "Mentorens rolle i praktikken",
                "talkForm", "PHONE", "talkHeldOn", Route.today().toString(), "mentorFound", true, "mentorHours", 6));
        assertThat(done.status()).as(done.raw()).isEqualTo(204);
        assertThat(route.openTasks(caseId)).extracting(t -> t.getTaskDefinitionKey()).containsExactly("youthTeamSparring");

        Map<String, Object> variables = new HashMap<>();
        history.createHistoricVariableInstanceQuery().processInstanceId(route.routeOf(caseId).getId()).list()
                .forEach((HistoricVariableInstance v) -> variables.put(v.getName(), v.getValue()));
        assertThat(variables).containsEntry("topic", "Mentorens rolle i praktikken").containsEntry("talkForm", "PHONE")
                .containsEntry("mentorFound", true).containsEntry("mentorHours", 6L);
        assertThat(variables.get("talkHeldOn")).isInstanceOf(java.util.Date.class);

        JsonNode timeline = api.get("koordinator", "/api/cases/" + caseId + "/timeline").body();
        assertThat(timeline.toString()).contains("Afsluttet: Samtale med mentor. Emne for samtalen: Mentorens rolle i praktikken; "
                + "Samtaleform: Telefon; Dato for samtalen: " + java.time.format.DateTimeFormatter.ofPattern("d. MMMM yyyy",
                java.util.Locale.forLanguageTag("da")).format(Route.today()) + "; Har borgeren fået en mentor?: ja; Mentortimer om måneden: 6");
    }

    @Test
    void theStepIsCompletedOnItsPageWithTheErrorsByTheFields() throws Exception {
        String caseId = caseAtTheMentorStep();
        String taskId = mentorTask(caseId);
        WebSession koordinator = new WebSession(port).loggedInAs("koordinator");

        HttpResponse<String> page = koordinator.get("/opgaver/" + taskId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<label for=\"topic\">Emne for samtalen (skal udfyldes)</label>")
                .contains("<legend>Samtaleform (skal udfyldes)</legend>").contains("<span>Fremmøde</span>")
                .contains("<input type=\"date\" id=\"talkHeldOn\"").contains("<legend>Har borgeren fået en mentor?</legend>")
                .contains("Et helt tal fra 0 til 40").doesNotContain("??").doesNotContain("Tværs har endnu ingen formular");

        HttpResponse<String> invalid = koordinator.post("/opgaver/" + taskId, "topic", "Praktik", "mentorHours", "mange");
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("id=\"err-talkForm\"").contains("id=\"err-talkHeldOn\"").contains("id=\"err-mentorHours\"")
                .contains("Skal være et helt tal").contains("value=\"Praktik\"").doesNotContain("id=\"err-topic\"")
                .contains("<a href=\"#talkForm\">Samtaleform: Skal udfyldes</a>");
        assertThat(route.openTasks(caseId)).extracting(t -> t.getTaskDefinitionKey()).containsExactly("mentorTalk");

        HttpResponse<String> done = koordinator.post("/opgaver/" + taskId, "topic", "Praktik", "talkForm", "IN_PERSON",
                "talkHeldOn", Route.today().toString(), "mentorFound", "false", "mentorHours", "");
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location")).get().asString().endsWith("/sager/" + caseId);
        assertThat(route.openTasks(caseId)).extracting(t -> t.getTaskDefinitionKey()).containsExactly("youthTeamSparring");
        assertThat(koordinator.get("/sager/" + caseId).body()).contains("Afsluttet: Samtale med mentor. Emne for samtalen: Praktik; Samtaleform: Fremmøde");
    }
}
