package dk.tvaers.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.tvaers.support.Api;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The inbox over real HTTP: lists, claim and give back, and completion with per-task validation. */
@TvaersTest
class TasksApiTests {

    @Autowired Api api;

    private String newCase(String... flags) {
        Api.Response created = api.post("koordinator", "/api/cases", CasesApiTests.referral(CasesApiTests.ref(), Route.cprForAge(20), flags));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private String taskId(String user, String scope, String caseId, String taskKey) {
        Api.Response tasks = api.get(user, "/api/tasks?scope=" + scope + "&caseId=" + caseId + "&taskKey=" + taskKey);
        assertThat(tasks.status()).isEqualTo(200);
        assertThat(tasks.body()).as("tasks " + taskKey + " for " + user).hasSize(1);
        return tasks.body().get(0).get("id").asText();
    }

    private static List<String> errorFields(Api.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        response.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    @Test
    void groupTasksCarryTheCaseAndCanBeClaimedAndGivenBack() {
        String caseId = newCase("DEBT");
        Api.Response group = api.get("koordinator", "/api/tasks?scope=group&caseId=" + caseId);
        assertThat(group.body()).hasSize(1);
        JsonNode task = group.body().get(0);
        assertThat(task.get("taskKey").asText()).isEqualTo("registerConsent");
        assertThat(task.get("caseId").asText()).isEqualTo(caseId);
        assertThat(task.get("citizenName").asText()).isEqualTo("Api Test");
        assertThat(task.get("candidateGroups").toString()).contains("coordinators");
        assertThat(task.get("assignee").isNull()).isTrue();
        assertThat(task.has("alarms")).isTrue();
        String id = task.get("id").asText();

        // Not in the task's group: 403; once someone holds it, anyone else gets 409.
        assertThat(api.post("ungeteam", "/api/tasks/" + id + "/claim", null).status()).isEqualTo(403);
        assertThat(api.post("koordinator", "/api/tasks/" + id + "/claim", null).status()).isEqualTo(204);
        assertThat(api.post("koordinator", "/api/tasks/" + id + "/claim", null).status()).isEqualTo(204);
        assertThat(api.get("koordinator", "/api/tasks?scope=mine&caseId=" + caseId).body()).hasSize(1);
        assertThat(api.get("koordinator", "/api/tasks?scope=group&caseId=" + caseId).body()).isEmpty();
        assertThat(api.post("ungeteam", "/api/tasks/" + id + "/claim", null).status()).isEqualTo(409);
        assertThat(api.post("admin", "/api/tasks/" + id + "/claim", null).status()).isEqualTo(409);
        assertThat(api.post("admin", "/api/tasks/" + id + "/unclaim", null).status()).isEqualTo(409);
        Api.Response held = api.post("admin", "/api/tasks/" + id + "/complete", Map.of("consentGiven", false));
        assertThat(held.status()).isEqualTo(409);
        assertThat(held.contentType()).startsWith("application/problem+json");

        assertThat(api.post("koordinator", "/api/tasks/" + id + "/unclaim", null).status()).isEqualTo(204);
        assertThat(api.get("koordinator", "/api/tasks?scope=group&caseId=" + caseId).body()).hasSize(1);
        assertThat(api.get("koordinator", "/api/tasks?scope=everything").status()).isEqualTo(400);
        assertThat(api.post("koordinator", "/api/tasks/no-such-task/claim", null).status()).isEqualTo(404);
        assertThat(api.get("uu", "/api/tasks?caseId=" + caseId).body()).isEmpty();
        assertThat(api.get(null, "/api/tasks").status()).isEqualTo(401);
    }

    @Test
    void registerConsentValidatesItsFields() {
        String caseId = newCase("MENTAL_HEALTH");
        String id = taskId("koordinator", "group", caseId, "registerConsent");
        // Every error in one round (issue 15): an unanswered consent does not hide its other fields.
        assertThat(errorFields(api.post("koordinator", "/api/tasks/" + id + "/complete", Map.of())))
                .containsExactlyInAnyOrder("consentGiven", "givenBy", "departments", "givenOn");
        assertThat(errorFields(api.post("koordinator", "/api/tasks/" + id + "/complete", Map.of("consentGiven", true))))
                .containsExactlyInAnyOrder("givenBy", "departments", "givenOn");
        assertThat(errorFields(api.post("koordinator", "/api/tasks/" + id + "/complete",
                Map.of("consentGiven", "ja", "givenBy", "MOR", "departments", List.of("PSYCHIATRY", "NOPE"), "givenOn", "2026-02-30", "extra", 1))))
                .containsExactlyInAnyOrder("consentGiven", "givenBy", "departments[1]", "givenOn", "extra");
        // Nothing changed: the task is still open.
        assertThat(api.get("koordinator", "/api/tasks?caseId=" + caseId + "&taskKey=registerConsent").body()).hasSize(1);
        assertThat(api.post("koordinator", "/api/tasks/" + id + "/complete", Map.of("consentGiven", true, "givenBy", "CITIZEN",
                "departments", List.of("PSYCHIATRY", "HEALTH"), "givenOn", Route.today().toString())).status()).isEqualTo(204);
        JsonNode view = api.get("koordinator", "/api/cases/" + caseId).body();
        assertThat(view.get("consent").get("status").asText()).isEqualTo("GIVEN");
        assertThat(view.get("stage").asText()).isEqualTo("SPARRING");
        assertThat(view.get("coordinator").asText()).isEqualTo("koordinator");
    }

    @Test
    void everyTaskOfTheRouteRejectsItsWrongFields() {
        String caseId = newCase("READY_FOR_INTERNSHIP");
        complete("koordinator", caseId, "registerConsent", Map.of("consentGiven", true, "givenBy", "CITIZEN",
                "departments", List.of("EMPLOYER"), "givenOn", Route.today().toString()));

        String sparring = taskId("ungeteam", "group", caseId, "youthTeamSparring");
        assertThat(errorFields(api.post("ungeteam", "/api/tasks/" + sparring + "/complete", Map.of("outcome", "MAYBE"))))
                .containsExactly("outcome");
        assertThat(errorFields(api.post("ungeteam", "/api/tasks/" + sparring + "/complete", Map.of("outcome", "INTERDISCIPLINARY"))))
                .containsExactly("departments");
        assertThat(api.post("koordinator", "/api/tasks/" + sparring + "/complete", Map.of("outcome", "CLOSE")).status()).isEqualTo(403);
        complete("ungeteam", caseId, "youthTeamSparring", Map.of("outcome", "INTERDISCIPLINARY", "departments", List.of("EMPLOYER")));

        String meeting = taskId("koordinator", "group", caseId, "networkMeeting");
        Map<String, Object> badMeeting = new LinkedHashMap<>();
        badMeeting.put("heldOn", Route.today().plusDays(2).toString());
        badMeeting.put("participants", List.of(Map.of("name", "Uden rolle"), Map.of("role", "NETWORK")));
        badMeeting.put("agreements", List.of(Map.of("text", "", "owner", "uu", "due", "snart")));
        badMeeting.put("nextStep", "HOLIDAY");
        assertThat(errorFields(api.post("koordinator", "/api/tasks/" + meeting + "/complete", badMeeting))).containsExactlyInAnyOrder(
                "heldOn", "participants[0].department", "participants[1].name", "agreements[0].text", "agreements[0].due", "nextStep");
        complete("koordinator", caseId, "networkMeeting", Map.of("heldOn", Route.today().toString(),
                "participants", List.of(Map.of("role", "CITIZEN"), Map.of("department", "EMPLOYER", "name", "Virksomhedskonsulent")),
                "agreements", List.of(Map.of("text", "Find praktik", "owner", "virksomhed", "due", Route.today().plusDays(14).toString())),
                "nextStep", "INTERNSHIP"));

        String find = taskId("virksomhed", "group", caseId, "findInternship");
        assertThat(errorFields(api.post("virksomhed", "/api/tasks/" + find + "/complete",
                Map.of("startsOn", Route.today().plusDays(10).toString(), "endsOn", Route.today().toString()))))
                .containsExactlyInAnyOrder("company", "endsOn");
        complete("virksomhed", caseId, "findInternship", Map.of("company", "Bageriet", "startsOn", Route.today().toString(),
                "endsOn", Route.today().plusDays(40).toString()));

        String kickoff = taskId("virksomhed", "group", caseId, "internshipKickoff");
        assertThat(errorFields(api.post("virksomhed", "/api/tasks/" + kickoff + "/complete", Map.of("heldOn", 20261201))))
                .containsExactly("heldOn");
        complete("virksomhed", caseId, "internshipKickoff", Map.of("heldOn", Route.today().toString()));
        JsonNode view = api.get("koordinator", "/api/cases/" + caseId).body();
        assertThat(view.get("stage").asText()).isEqualTo("INTERNSHIP");
        assertThat(view.get("efforts").get(0).get("type").asText()).isEqualTo("INTERNSHIP");
        assertThat(view.get("agreements").get(0).get("owner").asText()).isEqualTo("virksomhed");
    }

    private void complete(String user, String caseId, String taskKey, Map<String, Object> body) {
        String id = taskId(user, "group", caseId, taskKey);
        Api.Response response = api.post(user, "/api/tasks/" + id + "/complete", body);
        assertThat(response.status()).as(taskKey + ": " + response.raw()).isEqualTo(204);
    }
}
