package dk.tvaers.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.tvaers.support.Api;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The citizen's one plan over HTTP: goals and sub-goals agreed at the network meeting with the
 * agreements under them, revised at the follow-up, the progression shown against each goal, the same
 * plan for every department that may see the case, and bad input refused whole with nothing stored.
 */
@TvaersTest
class CitizenPlanApiTests {

    @Autowired Api api;
    @Autowired Route route;

    @AfterEach
    void resetClock() {
        Route.resetClock();
    }

    private String taskId(String user, String caseId, String taskKey) {
        Api.Response tasks = api.get(user, "/api/tasks?caseId=" + caseId + "&taskKey=" + taskKey);
        assertThat(tasks.body()).as(taskKey + " in " + user + "'s inbox").hasSize(1);
        return tasks.body().get(0).get("id").asText();
    }

    private void complete(String user, String caseId, String taskKey, Map<String, Object> body) {
        Api.Response done = api.post(user, "/api/tasks/" + taskId(user, caseId, taskKey) + "/complete", body);
        assertThat(done.status()).as(taskKey + ": " + done.raw()).isEqualTo(204);
    }

    private static List<String> fields(Api.Response problem) {
        List<String> fields = new ArrayList<>();
        problem.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private JsonNode plan(String user, String caseId) {
        Api.Response plan = api.get(user, "/api/cases/" + caseId + "/plan");
        assertThat(plan.status()).as(user + ": " + plan.raw()).isEqualTo(200);
        return plan.body();
    }

    private static Map<String, Object> meeting(List<Object> goals, List<Object> agreements, String nextStep) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("heldOn", Route.today().toString());
        body.put("participants", List.of(Map.of("role", "CITIZEN"), Map.of("department", "UU", "name", "Ulrik")));
        body.put("goals", goals);
        body.put("agreements", agreements);
        body.put("nextStep", nextStep);
        return body;
    }

    private static Map<String, Object> agreement(String text, String owner, LocalDate due, String key, Object place) {
        Map<String, Object> agreement = new LinkedHashMap<>(Map.of("text", text, "owner", owner, "due", due.toString()));
        if (key != null) {
            agreement.put(key, place);
        }
        return agreement;
    }

    @Test
    void viktorsNetworkMeetingAgreesOnePlanThatEveryParticipantSees() {
        LocalDate start = LocalDate.of(2026, 9, 7);
        Route.today(start);
        Api.Response referred = api.post("koordinator", "/api/cases", Map.of("externalRef", "PLAN-VIKTOR-" + System.nanoTime(),
                "citizen", Map.of("cpr", Route.cprForAge(19), "name", "Viktor Plan"), "referredBy", "JOBCENTER",
                "referralDate", start.toString(), "flags", List.of("MENTAL_HEALTH", "NO_EDUCATION", "SOCIAL_ISOLATION")));
        assertThat(referred.status()).isEqualTo(201);
        String id = referred.body().get("id").asText();
        complete("koordinator", id, "registerConsent", Map.of("consentGiven", true, "givenBy", "CITIZEN",
                "departments", List.of("PSYCHIATRY", "HEALTH", "UU", "SOCIAL"), "givenOn", start.toString()));
        complete("ungeteam", id, "youthTeamSparring", Map.of("outcome", "INTERDISCIPLINARY",
                "departments", List.of("PSYCHIATRY", "HEALTH", "UU", "SOCIAL"), "note", "Én plan"));
        assertThat(plan("koordinator", id).get("goals")).isEmpty();

        // Every mistake at once, by its field; the meeting is not recorded and the task stays open.
        Route.today(start.plusDays(14));
        LocalDate due = Route.today().plusDays(14);
        String meetingTask = taskId("koordinator", id, "networkMeeting");
        Api.Response refused = api.post("koordinator", "/api/tasks/" + meetingTask + "/complete", meeting(
                List.of(Map.of("text", " ", "subGoals", List.of(Map.of("text", "Stå op kl. 8")))),
                List.of(agreement("Vækkeur og fast morgenrutine", "bostøtte", due, "subGoal", "2.1"),
                        agreement("Samtale om uddannelse", "uu", due, "subGoal", "1.1"),
                        Map.of("text", "Begge dele", "owner", "uu", "due", due.toString(), "subGoal", "1.1", "subGoalId", 1)),
                "FOLLOW_UP"));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(fields(refused)).containsExactlyInAnyOrder("goals[0].text", "agreements[0].subGoal", "agreements[2].subGoalId");
        assertThat(plan("koordinator", id).get("goals")).isEmpty();
        assertThat(taskId("koordinator", id, "networkMeeting")).isEqualTo(meetingTask);

        complete("koordinator", id, "networkMeeting", meeting(
                List.of(Map.of("text", "Jeg vil have en fast døgnrytme", "dimension", "DAILY_STRUCTURE",
                                "subGoals", List.of(Map.of("text", "Stå op kl. 8 på hverdage"), Map.of("text", "Sove bedre"))),
                        Map.of("text", "Jeg vil i gang med en uddannelse", "dimension", "WORK_READINESS",
                                "subGoals", List.of(Map.of("text", "Vide, hvilken uddannelse der passer")))),
                List.of(agreement("Vækkeur og fast morgenrutine med bostøtten", "bostøtte", due, "subGoal", "1.1"),
                        agreement("Tal med lægen om søvnen", "Viktor", due, "subGoal", "1.2"),
                        agreement("Vejledningssamtale om uddannelse", "uu", due, "subGoal", "2.1"),
                        agreement("Ring til koordinator hver fredag", "Viktor", due, null, null)),
                "FOLLOW_UP"));

        JsonNode plan = plan("koordinator", id);
        assertThat(plan.get("caseId").asText()).isEqualTo(id);
        assertThat(plan.get("goals")).hasSize(2);
        JsonNode rhythm = plan.get("goals").get(0);
        assertThat(rhythm.get("text").asText()).isEqualTo("Jeg vil have en fast døgnrytme");
        assertThat(rhythm.get("dimension").asText()).isEqualTo("DAILY_STRUCTURE");
        assertThat(rhythm.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(rhythm.get("agreedOn").asText()).isEqualTo(Route.today().toString());
        assertThat(rhythm.get("progression")).isEmpty();
        assertThat(rhythm.get("subGoals")).hasSize(2);
        assertThat(rhythm.get("subGoals").get(0).get("agreements").get(0).get("text").asText()).isEqualTo("Vækkeur og fast morgenrutine med bostøtten");
        assertThat(rhythm.get("subGoals").get(1).get("agreements").get(0).get("text").asText()).isEqualTo("Tal med lægen om søvnen");
        assertThat(plan.get("goals").get(1).get("subGoals").get(0).get("agreements").get(0).get("owner").asText()).isEqualTo("uu");
        assertThat(plan.get("otherAgreements")).hasSize(1);
        assertThat(plan.get("otherAgreements").get(0).get("text").asText()).isEqualTo("Ring til koordinator hver fredag");
        long wakeUp = rhythm.get("subGoals").get(0).get("id").asLong();
        long sleep = rhythm.get("subGoals").get(1).get("id").asLong();
        assertThat(api.get("koordinator", "/api/cases/" + id).body().get("agreements").get(0).get("subGoalId").asLong()).isEqualTo(wakeUp);

        // One plan: UU, who took part and is covered by consent, sees exactly the same; others see no case.
        assertThat(plan("uu", id)).isEqualTo(plan);
        assertThat(api.get("misbrug", "/api/cases/" + id + "/plan").status()).isEqualTo(404);
        assertThat(api.get("leder", "/api/cases/" + id + "/plan").status()).isEqualTo(404);
        assertThat(api.get("koordinator", "/api/cases/no-such-case/plan").status()).isEqualTo(404);

        // The follow-up scores the progression and revises the plan; an unknown goal changes nothing.
        route.fireTimer(id, "Timer_FollowUpDue");
        String followUp = taskId("koordinator", id, "followUp");
        Map<String, Object> revision = new LinkedHashMap<>(Map.of("progression", Map.of("DAILY_STRUCTURE", 6, "WORK_READINESS", 4),
                "outcome", "NEW_NETWORK_MEETING"));
        revision.put("goals", List.of(Map.of("id", wakeUp, "status", "ACHIEVED"), Map.of("id", 999_999_999L, "status", "DROPPED")));
        Api.Response unknown = api.post("koordinator", "/api/tasks/" + followUp + "/complete", revision);
        assertThat(unknown.status()).as(unknown.raw()).isEqualTo(400);
        assertThat(fields(unknown)).containsExactly("goals[1].id");
        assertThat(plan("koordinator", id).get("goals").get(0).get("progression")).isEmpty();
        assertThat(plan("koordinator", id).get("goals").get(0).get("subGoals").get(0).get("status").asText()).isEqualTo("ACTIVE");

        revision.put("goals", List.of(Map.of("id", wakeUp, "status", "ACHIEVED")));
        complete("koordinator", id, "followUp", revision);
        JsonNode revised = plan("uu", id);
        JsonNode revisedRhythm = revised.get("goals").get(0);
        assertThat(revisedRhythm.get("progression")).hasSize(1);
        assertThat(revisedRhythm.get("progression").get(0).get("score").asInt()).isEqualTo(6);
        assertThat(revisedRhythm.get("progression").get(0).get("date").asText()).isEqualTo(Route.today().toString());
        assertThat(revised.get("goals").get(1).get("progression").get(0).get("score").asInt()).isEqualTo(4);
        assertThat(revisedRhythm.get("subGoals").get(0).get("status").asText()).isEqualTo("ACHIEVED");
        assertThat(revisedRhythm.get("subGoals").get(0).get("statusOn").asText()).isEqualTo(Route.today().toString());

        // The next network meeting adds agreements under sub-goals from before, but not under one reached.
        String second = taskId("koordinator", id, "networkMeeting");
        LocalDate later = Route.today().plusDays(10);
        Api.Response reached = api.post("koordinator", "/api/tasks/" + second + "/complete", meeting(List.of(),
                List.of(agreement("Ny morgenrutine", "bostøtte", later, "subGoalId", wakeUp)), "FOLLOW_UP"));
        assertThat(reached.status()).as(reached.raw()).isEqualTo(400);
        assertThat(fields(reached)).containsExactly("agreements[0].subGoalId");
        assertThat(taskId("koordinator", id, "networkMeeting")).isEqualTo(second);
        complete("koordinator", id, "networkMeeting", meeting(List.of(),
                List.of(agreement("Søvnskema i to uger", "Viktor", later, "subGoalId", sleep)), "FOLLOW_UP"));
        JsonNode sleepNow = plan("koordinator", id).get("goals").get(0).get("subGoals").get(1);
        assertThat(sleepNow.get("agreements")).hasSize(2);
        assertThat(sleepNow.get("agreements").get(1).get("text").asText()).isEqualTo("Søvnskema i to uger");

        List<String> journey = new ArrayList<>();
        api.get("koordinator", "/api/cases/" + id + "/timeline").body().forEach(e -> journey.add(e.get("type").asText() + ": " + e.get("text").asText()));
        assertThat(journey).contains("GOAL_AGREED: Mål aftalt med borgeren: Jeg vil have en fast døgnrytme; 2 delmål",
                "GOAL_AGREED: Mål aftalt med borgeren: Jeg vil i gang med en uddannelse; ét delmål",
                "GOAL_STATUS: Delmålet er nået: Stå op kl. 8 på hverdage");
    }
}
