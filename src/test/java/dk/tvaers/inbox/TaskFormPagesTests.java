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

/** The task forms: server-side validation in Danish next to the fields, input kept, and the route moves on. */
@TvaersTest
class TaskFormPagesTests {

    @LocalServerPort int port;
    @Autowired Api api;
    @Autowired Route route;


    private String taskId(String caseId, String key) {
        String user = key.equals("youthTeamSparring") ? "ungeteam" : "koordinator";
        return api.get(user, "/api/tasks?caseId=" + caseId + "&taskKey=" + key).body().get(0).get("id").asText();
    }

    @Test
    void aCoordinatorWalksConsentSparringAndMeetingThroughTheForms() throws Exception {
        Map<String, Object> referral = Map.of("externalRef", "FORM-" + System.nanoTime(), "citizen", Map.of("cpr", Route.cprForAge(22), "name", "Form Borger"),
                "referredBy", "JOBCENTER", "referralDate", Route.today().toString(), "flags", List.of("SOCIAL_ISOLATION"));
        String caseId = api.post("koordinator", "/api/cases", referral).body().get("id").asText();
        WebSession koordinator = new WebSession(port).loggedInAs("koordinator");

        String consent = taskId(caseId, "registerConsent");
        HttpResponse<String> form = koordinator.get("/opgaver/" + consent);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<legend>Har borgeren givet samtykke til deling?</legend>")
                .contains("<label for=\"givenOn\">Dato for samtykket</label>").contains("Socialafdelingen").doesNotContain("??");
        // The rules suggested SOCIAL for social isolation: ticked already, and the consent is dated today.
        assertThat(form.body()).contains("value=\"SOCIAL\" checked=\"checked\"").doesNotContain("value=\"UU\" checked")
                .contains("value=\"" + Route.today() + "\"");

        // Every error in one round, each named in the summary: an unanswered yes/no does not hide the others.
        HttpResponse<String> blank = koordinator.post("/opgaver/" + consent, "givenOn", "");
        assertThat(blank.body()).contains("id=\"err-consentGiven\"").contains("id=\"err-givenBy\"").contains("id=\"err-givenOn\"")
                .contains("<a href=\"#givenBy\">Givet af: ").contains("<a href=\"#givenOn\">Dato for samtykket: ");

        String future = Route.today().plusDays(3).toString();
        HttpResponse<String> invalid = koordinator.post("/opgaver/" + consent, "consentGiven", "true", "givenOn", future);
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("Opgaven er ikke afsluttet").contains("id=\"err-givenBy\"").contains("id=\"err-departments\"")
                .contains("Må ikke ligge i fremtiden").contains("value=\"" + future + "\"").contains("aria-invalid=\"true\"");
        assertThat(api.get("koordinator", "/api/cases/" + caseId).body().get("stage").asText()).isEqualTo("CONSENT");

        // The youth team may see the case but not take the consent task: no form, who holds it instead; a post completes nothing.
        WebSession youthTeam = new WebSession(port).loggedInAs("ungeteam");
        HttpResponse<String> notTheirs = youthTeam.get("/opgaver/" + consent);
        assertThat(notTheirs.statusCode()).isEqualTo(200);
        assertThat(notTheirs.body()).contains("id=\"held-by\"").contains("Du kan ikke afslutte denne opgave: den ligger hos Koordinerende sagsbehandlere")
                .doesNotContain("action=\"/opgaver/" + consent + "\"").doesNotContain("Afslut opgaven</button>");
        assertThat(youthTeam.get("/sager/" + caseId).body()).contains("ligger hos Koordinerende sagsbehandlere")
                .doesNotContain("href=\"/opgaver/" + consent + "\"");
        HttpResponse<String> refused = youthTeam.post("/opgaver/" + consent, "consentGiven", "false");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("så den er ikke afsluttet").doesNotContain("Afslut opgaven</button>");
        assertThat(api.get("koordinator", "/api/cases/" + caseId).body().get("stage").asText()).isEqualTo("CONSENT");

        HttpResponse<String> done = koordinator.post("/opgaver/" + consent, "consentGiven", "true", "givenBy", "CITIZEN",
                "departments", "SOCIAL", "givenOn", Route.today().toString(), "involve", "true");
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location")).get().asString().endsWith("/sager/" + caseId);
        var consented = api.get("koordinator", "/api/cases/" + caseId).body();
        assertThat(consented.get("consent").get("status").asText()).isEqualTo("GIVEN");
        // Suggested and consented: involved in the same step, not left as an unanswered suggestion.
        assertThat(consented.get("departments").findValuesAsText("code")).contains("SOCIAL");
        consented.get("departments").forEach(d -> {
            if (d.get("code").asText().equals("SOCIAL")) {
                assertThat(d.get("status").asText()).isEqualTo("INVOLVED");
            }
        });
        // The case page confirms what was done, once.
        assertThat(koordinator.get("/sager/" + caseId).body()).contains("id=\"task-completed\"").contains("Opgaven »Indhent samtykke« er afsluttet.");
        assertThat(koordinator.get("/sager/" + caseId).body()).doesNotContain("task-completed");

        WebSession ungeteam = new WebSession(port).loggedInAs("ungeteam");
        String sparring = taskId(caseId, "youthTeamSparring");
        ungeteam.get("/opgaver/" + sparring);
        assertThat(ungeteam.post("/opgaver/" + sparring, "outcome", "INTERDISCIPLINARY", "departments", "SOCIAL").statusCode()).isEqualTo(302);

        String meeting = taskId(caseId, "networkMeeting");
        koordinator.get("/opgaver/" + meeting);
        assertThat(koordinator.get("/opgaver/" + meeting).body()).as("no missing message keys").doesNotContain("??");
        HttpResponse<String> badMeeting = koordinator.post("/opgaver/" + meeting, "heldOn", Route.today().toString(),
                "agreements[0].text", "Ring til bostøtten", "agreements[0].due", "i morgen");
        assertThat(badMeeting.body()).contains("id=\"err-participants\"").contains("id=\"err-agreements[0].owner\"")
                .contains("id=\"err-agreements[0].due\"").contains("id=\"err-nextStep\"").contains("value=\"Ring til bostøtten\"");
        // A network person's error stands by that person's row, not by the list of participants.
        HttpResponse<String> badPerson = koordinator.post("/opgaver/" + meeting, "heldOn", Route.today().toString(),
                "participantCitizen", "true", "participantDepartments", "SOCIAL", "participantNetwork0", "Mor",
                "participantNetwork2", "Nabo 0101074234", "nextStep", "FOLLOW_UP");
        assertThat(badPerson.body()).contains("id=\"err-participantNetwork2\"").contains("href=\"#participantNetwork2\"")
                .doesNotContain("id=\"err-participantNetwork0\"").contains("value=\"Mor\"");
        // An agreement under a sub-goal left empty: the error by the agreement's choice, what was typed kept.
        HttpResponse<String> emptySubGoal = koordinator.post("/opgaver/" + meeting, "heldOn", Route.today().toString(),
                "participantCitizen", "true", "goals[0].text", "Jeg vil have venner", "agreements[0].text", "Ring til bostøtten",
                "agreements[0].owner", "koordinator", "agreements[0].due", Route.today().plusDays(7).toString(),
                "agreements[0].subGoal", "new:0.1", "nextStep", "FOLLOW_UP");
        assertThat(emptySubGoal.body()).contains("id=\"err-agreements[0].subGoal\"").contains("Delmålet findes ikke i planen")
                .contains("value=\"Jeg vil have venner\"");
        assertThat(api.get("koordinator", "/api/cases/" + caseId + "/plan").body().get("goals")).isEmpty();
        HttpResponse<String> goodMeeting = koordinator.post("/opgaver/" + meeting, "heldOn", Route.today().toString(),
                "participantCitizen", "true", "participantDepartments", "SOCIAL", "participantNetwork0", "Mor", "participantNetwork2", "Morfar",
                "goals[0].text", "Jeg vil have venner", "goals[0].dimension", "SOCIAL_NETWORK", "goals[0].subGoals[0].text", "Gå til klub en gang om ugen",
                "agreements[0].text", "Ring til bostøtten", "agreements[0].owner", "koordinator",
                "agreements[0].due", Route.today().plusDays(7).toString(), "agreements[0].subGoal", "new:0.0", "nextStep", "FOLLOW_UP");
        assertThat(goodMeeting.statusCode()).isEqualTo(302);
        var view = api.get("koordinator", "/api/cases/" + caseId).body();
        assertThat(view.get("stage").asText()).isEqualTo("FOLLOW_UP");
        assertThat(view.get("agreements").get(0).get("text").asText()).isEqualTo("Ring til bostøtten");
        var plan = api.get("koordinator", "/api/cases/" + caseId + "/plan").body();
        assertThat(plan.get("goals").get(0).get("subGoals").get(0).get("agreements").get(0).get("text").asText()).isEqualTo("Ring til bostøtten");
        assertThat(koordinator.get("/sager/" + caseId).body()).contains("Borgerens plan").contains("Jeg vil have venner")
                .contains("Gå til klub en gang om ugen").contains("Måles på Socialt netværk");
        assertThat(route.caseFile(caseId).meetings().stream().filter(m -> m.kind() == dk.tvaers.casefile.MeetingKind.NETWORK_MEETING)
                .flatMap(m -> m.participants().stream()).map(dk.tvaers.casefile.Participant::name)).contains("Mor", "Morfar");
    }

    @Test
    void fieldErrorsSpeakThePagesLanguageWhileTheApiAnswersInDanish() throws Exception {
        Map<String, Object> referral = Map.of("externalRef", "FORM-" + System.nanoTime(), "citizen", Map.of("cpr", Route.cprForAge(23), "name", "English Errors"),
                "referredBy", "JOBCENTER", "referralDate", Route.today().toString(), "flags", List.of("DEBT"));
        String caseId = api.post("koordinator", "/api/cases", referral).body().get("id").asText();
        String consent = taskId(caseId, "registerConsent");
        String future = Route.today().plusDays(3).toString();

        WebSession english = new WebSession(port).loggedInAs("koordinator");
        english.get("/indbakke?lang=en");
        HttpResponse<String> invalid = english.post("/opgaver/" + consent, "consentGiven", "true", "givenOn", future);
        assertThat(invalid.body()).contains("<html lang=\"en\"").contains("Cannot be in the future").contains("Required")
                .doesNotContain("Må ikke ligge i fremtiden").doesNotContain("Skal udfyldes").contains("value=\"" + future + "\"");
        // A yes/no question unanswered is asked in the page's words, not the API's "true or false".
        assertThat(english.post("/opgaver/" + consent, "givenOn", future).body()).contains("Answer yes or no").doesNotContain("(true)");
        WebSession danish = new WebSession(port).loggedInAs("koordinator");
        danish.get("/opgaver/" + consent);
        assertThat(danish.post("/opgaver/" + consent).body()).contains("Svar ja eller nej").doesNotContain("(true)");

        var problem = api.post("koordinator", "/api/tasks/" + consent + "/complete",
                Map.of("consentGiven", true, "givenBy", "NEIGHBOUR", "departments", List.of(), "givenOn", future));
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.contentType()).startsWith("application/problem+json");
        Map<String, String> messages = new java.util.LinkedHashMap<>();
        problem.body().get("errors").forEach(e -> {
            assertThat(e.size()).as("an error has only field and message: %s", e).isEqualTo(2);
            messages.put(e.get("field").asText(), e.get("message").asText());
        });
        assertThat(messages).containsEntry("givenOn", "Må ikke ligge i fremtiden")
                .containsEntry("givenBy", "Ukendt værdi 'NEIGHBOUR'; gyldige: CITIZEN, CUSTODY_HOLDER")
                .containsEntry("departments", "Nævn mindst én afdeling");
        assertThat(api.get("koordinator", "/api/cases/" + caseId).body().get("stage").asText()).isEqualTo("CONSENT");

        // A CPR number typed into free text is refused, in the API and on the page, and never echoed by the API.
        var withCpr = api.post("koordinator", "/api/cases/" + caseId + "/efforts",
                Map.of("type", "DEBT_COUNSELLING", "requestedOn", Route.today().toString(), "note", "Borgeren 010107-4234 ringede"));
        assertThat(withCpr.status()).isEqualTo(400);
        assertThat(withCpr.raw()).contains("Må ikke indeholde et CPR-nummer").doesNotContain("4234");
        assertThat(api.get("koordinator", "/api/cases/" + caseId).body().get("efforts")).isEmpty();
    }

    @Test
    void theConsentFormOfAMinorSaysWhoseConsentCountsBeforeItIsSent() throws Exception {
        Map<String, Object> referral = Map.of("externalRef", "MINOR-" + System.nanoTime(), "citizen", Map.of("cpr", Route.cprForAge(16), "name", "Ung Borger"),
                "referredBy", "JOBCENTER", "referralDate", Route.today().toString(), "flags", List.of("DROPPED_OUT"));
        String caseId = api.post("koordinator", "/api/cases", referral).body().get("id").asText();
        HttpResponse<String> form = new WebSession(port).loggedInAs("koordinator").get("/opgaver/" + taskId(caseId, "registerConsent"));
        assertThat(form.body()).contains("Borgeren er 16 år. Kun samtykke fra forældremyndighedsindehaveren giver andre afdelinger adgang")
                .containsPattern("value=\"CUSTODY_HOLDER\"[^>]*checked");
        String adult = api.post("koordinator", "/api/cases", Map.of("externalRef", "ADULT-" + System.nanoTime(),
                "citizen", Map.of("cpr", Route.cprForAge(30), "name", "Voksen Borger"), "referredBy", "JOBCENTER",
                "referralDate", Route.today().toString())).body().get("id").asText();
        assertThat(new WebSession(port).loggedInAs("koordinator").get("/opgaver/" + taskId(adult, "registerConsent")).body())
                .doesNotContain("forældremyndighedsindehaveren giver andre");
    }

    @Test
    void aTaskOfACaseYouMayNotSeeHasNoForm() throws Exception {
        Map<String, Object> referral = Map.of("externalRef", "FORM-" + System.nanoTime(), "citizen", Map.of("cpr", Route.cprForAge(30), "name", "Skjult Form"),
                "referredBy", "JOBCENTER", "referralDate", Route.today().toString(), "flags", List.of("DEBT"));
        String caseId = api.post("koordinator", "/api/cases", referral).body().get("id").asText();
        HttpResponse<String> page = new WebSession(port).loggedInAs("familie").get("/opgaver/" + taskId(caseId, "registerConsent"));
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("Skjult Form");
    }

    @Test
    void anErrorOfAMeetingParticipantStandsByTheFieldItCameFrom() {
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.add("participantCitizen", "true");
        form.add("participantDepartments", "SOCIAL");
        form.add("participantDepartments", "UU");
        form.add("participantNetwork0", "Mor");
        form.add("participantNetwork2", "Nabo");
        var participants = TaskFormPages.body("networkMeeting", form).get("participants");
        assertThat(participants).hasSize(5);
        assertThat(participants.get(4).get("name").asText()).isEqualTo("Nabo");
        assertThat(TaskFormPages.formField("networkMeeting", form, "participants[0].role")).isEqualTo("participants");
        assertThat(TaskFormPages.formField("networkMeeting", form, "participants[2].department")).isEqualTo("participantDepartments");
        assertThat(TaskFormPages.formField("networkMeeting", form, "participants[3].name")).isEqualTo("participantNetwork0");
        assertThat(TaskFormPages.formField("networkMeeting", form, "participants[4].name")).isEqualTo("participantNetwork2");
        assertThat(TaskFormPages.formField("networkMeeting", form, "agreements[0].due")).isEqualTo("agreements[0].due");
        assertThat(TaskFormPages.formField("followUp", form, "participants[3].name")).isEqualTo("participants[3].name");
    }

    /** Rows left empty on the plan's part of the form shift the body's positions; errors go back to the rows they came from. */
    @Test
    void thePlansRowsBecomeTheBodysGoalsAndItsErrorsStandByTheirRows() {
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.add("goals[1].text", "Jeg vil have en fast døgnrytme");
        form.add("goals[1].dimension", "DAILY_STRUCTURE");
        form.add("goals[1].subGoals[2].text", "Stå op kl. 8");
        form.add("goals[2].subGoals[0].text", "Et delmål uden mål");
        form.add("agreements[1].text", "Vækkeur");
        form.add("agreements[1].owner", "bostøtte");
        form.add("agreements[1].due", "2026-12-24");
        form.add("agreements[1].subGoal", "new:1.2");
        form.add("agreements[3].text", "Under et tomt delmål");
        form.add("agreements[3].subGoal", "new:0.0");
        form.add("agreements[4].text", "Under et fra før");
        form.add("agreements[4].subGoal", "id:17");
        var body = TaskFormPages.body("networkMeeting", form);
        assertThat(body.get("goals")).hasSize(2);
        assertThat(body.get("goals").get(0).get("text").asText()).isEqualTo("Jeg vil have en fast døgnrytme");
        assertThat(body.get("goals").get(0).get("dimension").asText()).isEqualTo("DAILY_STRUCTURE");
        assertThat(body.get("goals").get(0).get("subGoals").get(0).get("text").asText()).isEqualTo("Stå op kl. 8");
        assertThat(body.get("agreements")).hasSize(3);
        assertThat(body.get("agreements").get(0).get("subGoal").asText()).isEqualTo("1.1");
        assertThat(body.get("agreements").get(1).get("subGoal").asText()).isEqualTo("0.0");
        assertThat(body.get("agreements").get(2).get("subGoalId").asLong()).isEqualTo(17);
        assertThat(TaskFormParserTests.errors("networkMeeting", body)).contains("goals[1].text", "agreements[1].subGoal", "agreements[1].owner")
                .doesNotContain("agreements[0].subGoal", "agreements[2].subGoalId");
        assertThat(TaskFormPages.formField("networkMeeting", form, "goals[1].text")).isEqualTo("goals[2].text");
        assertThat(TaskFormPages.formField("networkMeeting", form, "goals[0].subGoals[0].text")).isEqualTo("goals[1].subGoals[2].text");
        assertThat(TaskFormPages.formField("networkMeeting", form, "agreements[1].subGoal")).isEqualTo("agreements[3].subGoal");
        assertThat(TaskFormPages.formField("networkMeeting", form, "agreements[2].subGoalId")).isEqualTo("agreements[4].subGoal");

        var followUp = new org.springframework.util.LinkedMultiValueMap<String, String>();
        followUp.add("goalStatus.12", "ACHIEVED");
        followUp.add("goalStatus.15", "NEVER");
        var revision = TaskFormPages.body("followUp", followUp).get("goals");
        assertThat(revision.get(0).get("id").asLong()).isEqualTo(12);
        assertThat(revision.get(0).get("status").asText()).isEqualTo("ACHIEVED");
        assertThat(TaskFormPages.formField("followUp", followUp, "goals[1].status")).isEqualTo("goalStatus.15");
    }

    @Test
    void everyTaskKeyTurnsItsFormIntoTheApisBody() {
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.add("progression.MOTIVATION", "7");
        form.add("progression.HEALTH", "elleve");
        form.add("outcome", "CLOSE");
        var body = TaskFormPages.body("followUp", form);
        assertThat(body.get("progression").get("MOTIVATION").asInt()).isEqualTo(7);
        assertThat(body.get("progression").get("HEALTH").asText()).isEqualTo("elleve");
        assertThat(TaskFormParserTests.errors("followUp", body)).containsExactlyInAnyOrder("progression.HEALTH", "closeReason");
        for (String key : List.of("registerConsent", "youthTeamSparring", "networkMeeting", "findInternship", "internshipKickoff",
                "internshipMidwayReview", "evaluateInternship", "followUp")) {
            assertThat(TaskFormParserTests.errors(key, TaskFormPages.body(key, new org.springframework.util.LinkedMultiValueMap<>())))
                    .as("an empty %s form", key).isNotEmpty();
        }
    }

    /** One fragment per form, named after its task key, and none without a form; the values offered are the record's enums'. */
    @Test
    void everyFormHasItsFragmentAndOffersItsRecordsVocabulary() throws Exception {
        java.nio.file.Path fragments = java.nio.file.Path.of("src/main/resources/templates/inbox/tasks");
        try (var files = java.nio.file.Files.list(fragments)) {
            assertThat(files.map(f -> f.getFileName().toString().replace(".html", "")).toList())
                    .containsExactlyInAnyOrderElementsOf(TaskForm.FORMS.keySet());
        }
        // The deploy rules know which steps have a form of their own: exactly these.
        assertThat(TaskForm.FORMS.keySet()).containsExactlyInAnyOrderElementsOf(dk.tvaers.route.RouteProcess.Tasks.WITH_FORMS);
        assertThat(TaskFormPages.choices("youthTeamSparring")).containsEntry("outcome", List.of("INTERDISCIPLINARY", "SINGLE_DISCIPLINE", "CLOSE"))
                .containsKey("departments");
        assertThat(TaskFormPages.choices("followUp")).containsEntry("progression",
                List.of("DAILY_STRUCTURE", "HEALTH", "SOCIAL_NETWORK", "MOTIVATION", "WORK_READINESS"))
                .containsEntry("closeReason", List.of("JOB", "EDUCATION", "OTHER"));
        assertThat(TaskFormPages.choices("aStepAProcessOwnerAdded")).isNull();
        for (String key : TaskForm.FORMS.keySet()) {
            for (String literal : List.of("'INTERDISCIPLINARY'", "'CLOSE'", "'JOB'", "'MOTIVATION'", "'INTERNSHIP'")) {
                assertThat(java.nio.file.Files.readString(fragments.resolve(key + ".html"))).as("%s's fragment lists no values of its own", key)
                        .doesNotContain(literal);
            }
        }
    }
}
