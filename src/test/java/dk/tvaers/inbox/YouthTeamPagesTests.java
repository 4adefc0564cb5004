package dk.tvaers.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.support.Api;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import dk.tvaers.support.WebSession;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The youth team's meeting: the agenda, and outcomes recorded one case after another. */
@TvaersTest
class YouthTeamPagesTests {

    @LocalServerPort int port;
    @Autowired Api api;

    private String caseWaitingForSparring(String name) {
        Map<String, Object> referral = Map.of("externalRef", "TEAM-" + System.nanoTime(), "citizen", Map.of("cpr", Route.cprForAge(20), "name", name),
                "referredBy", "JOBCENTER", "referralDate", Route.today().toString(), "flags", List.of("SUBSTANCE_ABUSE", "DROPPED_OUT"));
        String id = api.post("koordinator", "/api/cases", referral).body().get("id").asText();
        String consent = api.get("koordinator", "/api/tasks?caseId=" + id + "&taskKey=registerConsent").body().get(0).get("id").asText();
        assertThat(api.post("koordinator", "/api/tasks/" + consent + "/complete", Map.of("consentGiven", true, "givenBy", "CITIZEN",
                "departments", List.of("ADDICTION", "UU", "EDUCATION"), "givenOn", Route.today().toString())).status()).isEqualTo(204);
        return id;
    }

    @Test
    void theTeamSeesTheAgendaAndRecordsEachOutcome() throws Exception {
        String id = caseWaitingForSparring("Team Mikkel");
        WebSession team = new WebSession(port).loggedInAs("ungeteam");
        HttpResponse<String> agenda = team.get("/ungeteam");
        assertThat(agenda.statusCode()).isEqualTo(200);
        assertThat(agenda.body()).contains("Ungeteamets møde").contains("Team Mikkel").contains("Stof- og alkoholbehandling")
                .contains("Borgeren har et alkohol- eller stofmisbrug").contains("på mødet").doesNotContain("??");
        String taskId = api.get("ungeteam", "/api/tasks?caseId=" + id + "&taskKey=youthTeamSparring").body().get(0).get("id").asText();

        HttpResponse<String> missing = team.post("/ungeteam/" + taskId, "note", "glemte resultatet");
        assertThat(missing.statusCode()).isEqualTo(200);
        assertThat(missing.body()).contains("Skal udfyldes").as("the language link leads to the agenda, not to the post")
                .contains("href=\"/ungeteam?lang=en\"");
        // The refusal stands by the case it concerns, with what was typed kept.
        String item = missing.body().substring(missing.body().indexOf("Team Mikkel"));
        assertThat(item).contains("Resultatet for denne sag er ikke registreret").contains(">glemte resultatet</textarea>");
        // Every department can be chosen, not only the suggested ones.
        assertThat(item).contains("value=\"PROBATION\"");

        // In English the same refusal is English.
        WebSession english = new WebSession(port).loggedInAs("ungeteam");
        english.get("/ungeteam?lang=en");
        String englishItem = english.post("/ungeteam/" + taskId, "outcome", "INTERDISCIPLINARY", "note", "cpr 0101074234").body();
        assertThat(englishItem).contains("Name the departments that take part in the interdisciplinary effort")
                .contains("Must not contain a CPR number").doesNotContain("Nævn de afdelinger");

        // The agenda says what the consent covers, and marks the departments it does not.
        String agendaItem = agenda.body().substring(agenda.body().indexOf("Team Mikkel"));
        assertThat(agendaItem).contains("Samtykke: </strong>").contains("Givet af borgeren til:")
                .containsPattern("value=\"FAMILY\"[^>]*data-no-consent=\"true\"").doesNotContainPattern("value=\"UU\"[^>]*data-no-consent");
        // Involving a department without consent is asked about before anything is recorded; confirmed, it goes through.
        HttpResponse<String> warned = team.post("/ungeteam/" + taskId, "outcome", "INTERDISCIPLINARY",
                "departments", "ADDICTION", "departments", "FAMILY", "note", "Familien med");
        String warnedItem = warned.body().substring(warned.body().indexOf("Team Mikkel"));
        assertThat(warnedItem).contains("Du har valgt Børne- og familieafdelingen, som borgerens samtykke ikke dækker").contains("name=\"confirmNoConsent\"")
                .contains(">Familien med</textarea>");
        assertThat(api.get("koordinator", "/api/cases/" + id).body().get("stage").asText()).isEqualTo("SPARRING");

        HttpResponse<String> recorded = team.post("/ungeteam/" + taskId, "outcome", "INTERDISCIPLINARY",
                "departments", "ADDICTION", "departments", "UU", "note", "Misbrugscentret og UU med");
        assertThat(recorded.headers().firstValue("Location")).get().asString().endsWith("/ungeteam?done");
        assertThat(team.get("/ungeteam?done").body()).contains("Resultatet er registreret").doesNotContain("Team Mikkel");
        var view = api.get("koordinator", "/api/cases/" + id).body();
        assertThat(view.get("stage").asText()).isEqualTo("NETWORK_MEETING");
        assertThat(view.get("departments").toString()).contains("\"code\":\"ADDICTION\",\"name\":\"Stof- og alkoholbehandling\",\"status\":\"INVOLVED\"");
    }

    @Test
    void onlyTheYouthTeamHasThisAgenda() throws Exception {
        caseWaitingForSparring("Team Skjult");
        assertThat(new WebSession(port).loggedInAs("koordinator").get("/ungeteam").body()).doesNotContain("Team Skjult");
        assertThat(new WebSession(port).loggedInAs("familie").get("/ungeteam").body()).doesNotContain("Team Skjult");
    }
}
