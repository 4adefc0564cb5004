package dk.tvaers.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.tvaers.support.Api;
import dk.tvaers.support.Route;
import dk.tvaers.support.Sweep;
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
 * Viktor and Michelle walk the whole route over HTTP, as an outside client would. Only the
 * passing of time is done inside: the engine's clock moves and its due timers run, as the job
 * executor would run them.
 */
@TvaersTest
class PersonaHttpTests {

    @Autowired Api api;
    @Autowired Route route;
    @Autowired Sweep sweep;

    @AfterEach
    void resetClock() {
        Route.resetClock();
    }

    private void complete(String user, String caseId, String taskKey, Map<String, Object> body) {
        Api.Response tasks = api.get(user, "/api/tasks?caseId=" + caseId + "&taskKey=" + taskKey);
        assertThat(tasks.body()).as(taskKey + " in " + user + "'s inbox").hasSize(1);
        String id = tasks.body().get(0).get("id").asText();
        assertThat(api.post(user, "/api/tasks/" + id + "/claim", null).status()).isEqualTo(204);
        Api.Response done = api.post(user, "/api/tasks/" + id + "/complete", body);
        assertThat(done.status()).as(taskKey + ": " + done.raw()).isEqualTo(204);
    }

    private JsonNode view(String caseId) {
        Api.Response response = api.get("koordinator", "/api/cases/" + caseId);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private static List<String> codes(JsonNode array, String field) {
        List<String> codes = new ArrayList<>();
        array.forEach(item -> codes.add(item.get(field).asText()));
        return codes;
    }

    private static List<String> suggested(JsonNode view) {
        List<String> codes = new ArrayList<>();
        view.get("departments").forEach(d -> {
            if (d.get("status").asText().equals("SUGGESTED")) {
                codes.add(d.get("code").asText());
            }
        });
        return codes;
    }

    private static Map<String, Object> referral(String ref, String name, int age, List<String> flags, LocalDate on) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("externalRef", ref);
        body.put("citizen", Map.of("cpr", Route.cprForAge(age), "name", name));
        body.put("referredBy", "JOBCENTER");
        body.put("referralDate", on.toString());
        body.put("flags", flags);
        return body;
    }

    @Test
    void viktorOverHttp() {
        LocalDate start = LocalDate.of(2026, 7, 6);
        Route.today(start);
        Api.Response referred = api.post("koordinator", "/api/cases",
                referral("HTTP-VIKTOR-" + System.nanoTime(), "Viktor Http", 19, List.of("MENTAL_HEALTH", "NO_EDUCATION", "SOCIAL_ISOLATION"), start));
        assertThat(referred.status()).isEqualTo(201);
        String id = referred.body().get("id").asText();
        assertThat(suggested(referred.body())).containsExactlyInAnyOrder("PSYCHIATRY", "HEALTH", "UU", "SOCIAL");

        Api.Response effort = api.post("koordinator", "/api/cases/" + id + "/efforts",
                Map.of("type", "PSYCHOLOGIST", "department", "HEALTH", "requestedOn", start.minusDays(152).toString()));
        assertThat(effort.status()).isEqualTo(201);
        JsonNode waiting = view(id);
        assertThat(codes(waiting.get("alarms"), "code")).containsExactly("WAIT_SERVICE");
        assertThat(waiting.get("alarms").get(0).get("text").asText()).isEqualTo("Venter på psykologsamtaler i 152 dage; grænsen er 30");

        complete("koordinator", id, "registerConsent", Map.of("consentGiven", true, "givenBy", "CITIZEN",
                "departments", List.of("PSYCHIATRY", "HEALTH", "UU", "SOCIAL"), "givenOn", start.toString()));
        complete("ungeteam", id, "youthTeamSparring", Map.of("outcome", "INTERDISCIPLINARY",
                "departments", List.of("PSYCHIATRY", "HEALTH", "UU", "SOCIAL"), "note", "Én plan"));
        // UU is now involved and covered by consent: the UU counsellor sees Viktor's case.
        assertThat(api.get("uu", "/api/cases/" + id).status()).isEqualTo(200);

        Route.today(start.plusDays(10));
        api.patch("koordinator", "/api/cases/" + id + "/efforts/" + effort.body().get("id").asText(), Map.of("startedOn", Route.today().toString()));
        assertThat(view(id).get("alarms")).isEmpty();

        complete("koordinator", id, "networkMeeting", Map.of("heldOn", Route.today().toString(),
                "participants", List.of(Map.of("role", "CITIZEN"), Map.of("department", "UU", "name", "Vejleder"), Map.of("role", "NETWORK", "name", "Mor")),
                "agreements", List.of(Map.of("text", "Uddannelsesvejledning", "owner", "uu", "due", Route.today().plusDays(14).toString())),
                "nextStep", "FOLLOW_UP"));
        assertThat(view(id).get("stage").asText()).isEqualTo("FOLLOW_UP");

        route.fireTimer(id, "Timer_FollowUpDue");
        sweep.run();
        JsonNode beforeFollowUp = view(id);
        assertThat(codes(beforeFollowUp.get("alarms"), "code")).containsExactly("AGREEMENT_OVERDUE");
        assertThat(beforeFollowUp.get("agreements").get(0).get("status").asText()).isEqualTo("OVERDUE");

        complete("koordinator", id, "followUp", Map.of("progression", Map.of("DAILY_STRUCTURE", 6, "MOTIVATION", 7, "WORK_READINESS", 5),
                "outcome", "CLOSE", "closeReason", "EDUCATION"));
        JsonNode closed = view(id);
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("stage").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("outcome").asText()).isEqualTo("EDUCATION");
        assertThat(closed.get("alarms")).isEmpty();
        assertThat(closed.get("activeTasks")).isEmpty();
        List<String> timeline = codes(api.get("koordinator", "/api/cases/" + id + "/timeline").body(), "type");
        assertThat(timeline).contains("REFERRED", "CONSENT_GIVEN", "MEETING", "ALARM_RAISED", "ALARM_CLEARED", "CLOSED");
    }

    @Test
    void michelleOverHttp() {
        LocalDate start = LocalDate.of(2026, 8, 3);
        Route.today(start);
        Api.Response referred = api.post("koordinator", "/api/cases",
                referral("HTTP-MICHELLE-" + System.nanoTime(), "Michelle Http", 23, List.of("CHILDREN_WITH_NEEDS"), start));
        String id = referred.body().get("id").asText();
        assertThat(suggested(referred.body())).containsExactly("FAMILY");
        assertThat(api.get("familie", "/api/cases/" + id).status()).isEqualTo(404);

        complete("koordinator", id, "registerConsent", Map.of("consentGiven", true, "givenBy", "CITIZEN",
                "departments", List.of("FAMILY"), "givenOn", start.toString()));
        complete("ungeteam", id, "youthTeamSparring", Map.of("outcome", "INTERDISCIPLINARY", "departments", List.of("FAMILY")));
        assertThat(api.get("familie", "/api/cases/" + id).status()).isEqualTo(200);

        complete("koordinator", id, "networkMeeting", Map.of("heldOn", start.toString(),
                "participants", List.of(Map.of("role", "CITIZEN"), Map.of("department", "FAMILY", "name", "Kontaktperson")),
                "agreements", List.of(Map.of("text", "Én kontaktperson", "owner", "familie", "due", start.plusDays(7).toString()),
                        Map.of("text", "Svar inden for to hverdage", "owner", "koordinator", "due", start.plusDays(14).toString())),
                "nextStep", "INTERNSHIP"));
        complete("virksomhed", id, "findInternship", Map.of("company", "Børnehuset", "startsOn", start.plusDays(7).toString(),
                "endsOn", start.plusDays(49).toString()));
        complete("virksomhed", id, "internshipKickoff", Map.of("heldOn", start.toString()));
        route.fireTimer(id, "Timer_MidwayReview");
        complete("virksomhed", id, "internshipMidwayReview", Map.of("heldOn", Route.today().toString(), "note", "Trives"));
        route.fireTimer(id, "Timer_InternshipEnds");
        complete("virksomhed", id, "evaluateInternship", Map.of("result", "ORDINARY_HOURS", "hoursPerWeek", 15));
        route.fireTimer(id, "Timer_FollowUpDue");
        complete("koordinator", id, "followUp", Map.of("progression", Map.of("MOTIVATION", 8), "outcome", "NEW_NETWORK_MEETING"));
        assertThat(view(id).get("stage").asText()).isEqualTo("NETWORK_MEETING");
        complete("koordinator", id, "networkMeeting", Map.of("heldOn", Route.today().toString(),
                "participants", List.of(Map.of("role", "CITIZEN")), "nextStep", "FOLLOW_UP"));
        route.fireTimer(id, "Timer_FollowUpDue");
        complete("koordinator", id, "followUp", Map.of("progression", Map.of("MOTIVATION", 9, "WORK_READINESS", 7),
                "outcome", "CLOSE", "closeReason", "EDUCATION"));
        JsonNode closed = view(id);
        assertThat(closed.get("outcome").asText()).isEqualTo("EDUCATION");
        assertThat(codes(closed.get("efforts"), "status")).containsExactly("ENDED");
    }
}
