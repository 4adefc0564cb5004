package dk.tvaers.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.tvaers.route.TaskComments;
import dk.tvaers.support.Api;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import dk.tvaers.support.WebSession;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Comments on a task and its follow-up date, over the API and on the pages: who may write and set them, what bad
 * input gets, and where they show (the task, the inbox, the case's journey).
 */
@TvaersTest
class TaskNotesTests {

    @LocalServerPort int port;
    @Autowired Api api;
    @Autowired TaskComments comments;

    private String referredCase(String name) {
        Map<String, Object> referral = Map.of("externalRef", "NOTE-" + System.nanoTime(), "citizen", Map.of("cpr", Route.cprForAge(20), "name", name),
                "referredBy", "JOBCENTER", "referralDate", Route.today().toString(), "flags", List.of("NO_EDUCATION"));
        return api.post("koordinator", "/api/cases", referral).body().get("id").asText();
    }

    private String consentTask(String caseId) {
        return api.get("koordinator", "/api/tasks?caseId=" + caseId + "&taskKey=registerConsent").body().get(0).get("id").asText();
    }

    @Test
    void everyoneWhoSeesTheTaskCommentsAndTheCommentStaysOnTheCasesJourney() throws Exception {
        String caseId = referredCase("Note Nanna");
        String taskId = consentTask(caseId);

        Api.Response written = api.post("koordinator", "/api/tasks/" + taskId + "/comments",
                Map.of("text", "Borgeren vil gerne have sin mor med til mødet"));
        assertThat(written.status()).isEqualTo(201);
        assertThat(written.body().get("author").asText()).isEqualTo("koordinator");
        assertThat(written.body().get("taskKey").asText()).isEqualTo("registerConsent");
        assertThat(written.body().get("text").asText()).isEqualTo("Borgeren vil gerne have sin mor med til mødet");
        // Another JOBCENTER colleague who does not hold the task may still speak on it.
        assertThat(api.post("virksomhed", "/api/tasks/" + taskId + "/comments", Map.of("text", "Vi har en praktikplads klar i januar")).status())
                .isEqualTo(201);
        JsonNode list = api.get("ungeteam", "/api/tasks/" + taskId + "/comments").body();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("author").asText()).isEqualTo("koordinator");
        assertThat(list.get(1).get("author").asText()).isEqualTo("virksomhed");

        // Bad input: a clear error by the field, and nothing stored.
        assertThat(field(api.post("koordinator", "/api/tasks/" + taskId + "/comments", Map.of()), "text")).startsWith("Skal udfyldes");
        assertThat(field(api.post("koordinator", "/api/tasks/" + taskId + "/comments", Map.of("text", "   ")), "text")).startsWith("Skal udfyldes");
        assertThat(field(api.post("koordinator", "/api/tasks/" + taskId + "/comments", Map.of("text", "cpr 010107-4234")), "text")).startsWith("Må ikke indeholde et CPR-nummer");
        assertThat(field(api.post("koordinator", "/api/tasks/" + taskId + "/comments", Map.of("text", "x".repeat(2001))), "text")).isEqualTo("Må højst være 2000 tegn");
        assertThat(field(api.post("koordinator", "/api/tasks/" + taskId + "/comments", Map.of("text", "ok", "author", "admin")), "author"))
                .startsWith("Ukendt felt");
        assertThat(api.get("koordinator", "/api/tasks/" + taskId + "/comments").body()).hasSize(2);

        // Who may not see the case cannot read or write on its tasks: "not found", as for a task that does not exist.
        for (String outsider : List.of("uu", "leder", "procesejer")) {
            assertThat(api.get(outsider, "/api/tasks/" + taskId + "/comments").status()).as(outsider).isIn(403, 404);
            assertThat(api.post(outsider, "/api/tasks/" + taskId + "/comments", Map.of("text", "hej")).status()).as(outsider).isIn(403, 404);
        }
        assertThat(api.get(null, "/api/tasks/" + taskId + "/comments").status()).isEqualTo(401);
        assertThat(api.get("koordinator", "/api/tasks/no-such-task/comments").status()).isEqualTo(404);
        assertThat(api.get("koordinator", "/api/tasks/" + taskId + "/comments").body()).hasSize(2);

        // On the task's page: the comments, and a comment written there; a refused one keeps its text by the field.
        WebSession browser = new WebSession(port).loggedInAs("koordinator");
        String page = browser.get("/opgaver/" + taskId).body();
        assertThat(page).contains("Kommentarer (2)").contains("Borgeren vil gerne have sin mor med til mødet").contains("virksomhed");
        HttpResponse<String> refused = browser.post("/opgaver/" + taskId + "/kommentarer", "text", "Ring på 0101074234");
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/opgaver/" + taskId + "#comments");
        String again = browser.get("/opgaver/" + taskId).body();
        assertThat(again).contains("id=\"err-commentText\"").contains("Må ikke indeholde et CPR-nummer").contains(">Ring på 0101074234</textarea>");
        browser.post("/opgaver/" + taskId + "/kommentarer", "text", "Mor kan komme efter kl. 14");
        assertThat(browser.get("/opgaver/" + taskId).body()).contains("Kommentaren er gemt.").contains("Kommentarer (3)")
                .contains("Mor kan komme efter kl. 14");

        // The comments outlive the task: after consent they are on the case's journey, with the task they were on.
        assertThat(api.post("koordinator", "/api/tasks/" + taskId + "/complete", Map.of("consentGiven", true, "givenBy", "CITIZEN",
                "departments", List.of("UU"), "givenOn", Route.today().toString())).status()).isEqualTo(204);
        String casePage = browser.get("/sager/" + caseId).body();
        assertThat(casePage).contains("Kommentar til »Indhent samtykke« fra koordinator: Borgeren vil gerne have sin mor med til mødet")
                .contains("Kommentar til »Indhent samtykke« fra virksomhed: Vi har en praktikplads klar i januar");

        // Anonymisation forgets them with the case's other texts.
        assertThat(comments.ofCase(caseId)).hasSize(3);
        assertThat(comments.forgetCase(caseId)).isEqualTo(3);
        assertThat(comments.ofCase(caseId)).isEmpty();
    }

    @Test
    void theHolderSetsAFollowUpDateTheInboxShows() throws Exception {
        String caseId = referredCase("Note Ole");
        String taskId = consentTask(caseId);
        String day = Route.today().plusDays(3).toString();

        // The coordinators' group holds the task: a coordinator may set it, the youth team may not.
        assertThat(api.put("ungeteam", "/api/tasks/" + taskId + "/follow-up", Map.of("on", day)).status()).isEqualTo(403);
        assertThat(api.put("uu", "/api/tasks/" + taskId + "/follow-up", Map.of("on", day)).status()).isEqualTo(404);
        assertThat(api.put("koordinator", "/api/tasks/" + taskId + "/follow-up", Map.of("on", day)).status()).isEqualTo(204);
        assertThat(api.get("koordinator", "/api/tasks?caseId=" + caseId).body().get(0).get("followUp").asText()).isEqualTo(day);

        assertThat(field(api.put("koordinator", "/api/tasks/" + taskId + "/follow-up", Map.of("on", Route.today().minusDays(1).toString())), "on"))
                .startsWith("Må ikke ligge før i dag");
        assertThat(field(api.put("koordinator", "/api/tasks/" + taskId + "/follow-up", Map.of("on", Route.today().plusYears(2).toString())), "on"))
                .startsWith("Højst et år frem");
        assertThat(field(api.put("koordinator", "/api/tasks/" + taskId + "/follow-up", Map.of("on", "snart")), "on")).startsWith("Skal være en gyldig dato");
        assertThat(field(api.put("koordinator", "/api/tasks/" + taskId + "/follow-up", Map.of()), "on")).startsWith("Skal udfyldes");
        assertThat(api.get("koordinator", "/api/tasks?caseId=" + caseId).body().get(0).get("followUp").asText()).isEqualTo(day);

        // The inbox shows the date by the task; on the day it has come, it says so.
        assertThat(api.post("koordinator", "/api/tasks/" + taskId + "/claim", Map.of()).status()).isEqualTo(204);
        WebSession browser = new WebSession(port).loggedInAs("koordinator");
        try {
            assertThat(browser.get("/indbakke?sort=due").body()).contains("Følg op d. " + Route.today().plusDays(3).getDayOfMonth() + ".");
            // On the page: saved, refused by the field with the value kept, and removed.
            browser.post("/opgaver/" + taskId + "/opfoelgning", "on", Route.today().toString());
            String page = browser.get("/opgaver/" + taskId).body();
            assertThat(page).contains("Opfølgningsdatoen er gemt.").contains("Fjern datoen");
            assertThat(api.get("koordinator", "/api/tasks?caseId=" + caseId).body().get(0).get("followUp").asText()).isEqualTo(Route.today().toString());
            assertThat(browser.get("/indbakke?sort=due").body()).contains("Følg op nu");
            browser.post("/opgaver/" + taskId + "/opfoelgning", "on", "2020-01-01");
            assertThat(browser.get("/opgaver/" + taskId).body()).contains("id=\"err-followUpOn\"").contains("Må ikke ligge før i dag")
                    .contains("value=\"2020-01-01\"");
            browser.post("/opgaver/" + taskId + "/opfoelgning", "clear", "true");
            assertThat(browser.get("/opgaver/" + taskId).body()).contains("Opfølgningsdatoen er fjernet.").doesNotContain("Fjern datoen");
            assertThat(api.get("koordinator", "/api/tasks?caseId=" + caseId).body().get(0).get("followUp").isNull()).isTrue();

            // Someone the task is not with sees its comments but no follow-up form.
            String theirs = new WebSession(port).loggedInAs("ungeteam").get("/opgaver/" + taskId).body();
            assertThat(theirs).contains("Kommentarer (0)").doesNotContain("id=\"followUpOn\"");
        } finally {
            api.post("koordinator", "/api/tasks/" + taskId + "/unclaim", Map.of());
        }
    }

    /** The message of the error a 400 problem gives for the field. */
    private static String field(Api.Response response, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        Map<String, String> byField = new HashMap<>();
        response.body().get("errors").forEach(e -> byField.put(e.get("field").asText(), e.get("message").asText()));
        assertThat(byField).as(response.raw()).containsKey(field);
        return byField.get(field);
    }
}
