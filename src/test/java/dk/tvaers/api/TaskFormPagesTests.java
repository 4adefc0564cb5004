package dk.tvaers.api;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.support.Api;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The task forms: server-side validation in Danish next to the fields, input kept, and the route moves on. */
@TvaersTest
class TaskFormPagesTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired Api api;

    private final class Browser {
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private String token;

        HttpResponse<String> get(String path) throws Exception {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher matcher = CSRF.matcher(response.body());
            if (matcher.find()) {
                token = matcher.group(1);
            }
            return response;
        }

        HttpResponse<String> post(String path, String... pairs) throws Exception {
            StringBuilder body = new StringBuilder("_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
            for (int i = 0; i < pairs.length; i += 2) {
                body.append('&').append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
            }
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            Matcher matcher = CSRF.matcher(response.body());
            if (matcher.find()) {
                token = matcher.group(1);
            }
            return response;
        }

        Browser login(String user) throws Exception {
            get("/login");
            post("/login", "username", user, "password", user);
            return this;
        }
    }

    private String taskId(String caseId, String key) {
        String user = key.equals("youthTeamSparring") ? "ungeteam" : "koordinator";
        return api.get(user, "/api/tasks?caseId=" + caseId + "&taskKey=" + key).body().get(0).get("id").asText();
    }

    @Test
    void aCoordinatorWalksConsentSparringAndMeetingThroughTheForms() throws Exception {
        Map<String, Object> referral = Map.of("externalRef", "FORM-" + System.nanoTime(), "citizen", Map.of("cpr", Route.cprForAge(22), "name", "Form Borger"),
                "referredBy", "JOBCENTER", "referralDate", LocalDate.now().toString(), "flags", List.of("SOCIAL_ISOLATION"));
        String caseId = api.post("koordinator", "/api/cases", referral).body().get("id").asText();
        Browser koordinator = new Browser().login("koordinator");

        String consent = taskId(caseId, "registerConsent");
        HttpResponse<String> form = koordinator.get("/opgaver/" + consent);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<legend>Har borgeren givet samtykke til deling?</legend>")
                .contains("<label for=\"givenOn\">Dato for samtykket</label>").contains("Socialafdelingen").doesNotContain("??");

        String future = LocalDate.now().plusDays(3).toString();
        HttpResponse<String> invalid = koordinator.post("/opgaver/" + consent, "consentGiven", "true", "givenOn", future);
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("Opgaven er ikke afsluttet").contains("id=\"err-givenBy\"").contains("id=\"err-departments\"")
                .contains("Må ikke ligge i fremtiden").contains("value=\"" + future + "\"").contains("aria-invalid=\"true\"");
        assertThat(api.get("koordinator", "/api/cases/" + caseId).body().get("stage").asText()).isEqualTo("CONSENT");

        HttpResponse<String> done = koordinator.post("/opgaver/" + consent, "consentGiven", "true", "givenBy", "CITIZEN",
                "departments", "SOCIAL", "givenOn", LocalDate.now().toString());
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location")).get().asString().endsWith("/sager/" + caseId);
        assertThat(api.get("koordinator", "/api/cases/" + caseId).body().get("consent").get("status").asText()).isEqualTo("GIVEN");

        Browser ungeteam = new Browser().login("ungeteam");
        String sparring = taskId(caseId, "youthTeamSparring");
        ungeteam.get("/opgaver/" + sparring);
        assertThat(ungeteam.post("/opgaver/" + sparring, "outcome", "INTERDISCIPLINARY", "departments", "SOCIAL").statusCode()).isEqualTo(302);

        String meeting = taskId(caseId, "networkMeeting");
        koordinator.get("/opgaver/" + meeting);
        assertThat(koordinator.get("/opgaver/" + meeting).body()).as("no missing message keys").doesNotContain("??");
        HttpResponse<String> badMeeting = koordinator.post("/opgaver/" + meeting, "heldOn", LocalDate.now().toString(),
                "agreements[0].text", "Ring til bostøtten", "agreements[0].due", "i morgen");
        assertThat(badMeeting.body()).contains("id=\"err-participants\"").contains("id=\"err-agreements[0].owner\"")
                .contains("id=\"err-agreements[0].due\"").contains("id=\"err-nextStep\"").contains("value=\"Ring til bostøtten\"");
        HttpResponse<String> goodMeeting = koordinator.post("/opgaver/" + meeting, "heldOn", LocalDate.now().toString(),
                "participantCitizen", "true", "participantDepartments", "SOCIAL", "participantNetwork", "Mor",
                "agreements[0].text", "Ring til bostøtten", "agreements[0].owner", "koordinator",
                "agreements[0].due", LocalDate.now().plusDays(7).toString(), "nextStep", "FOLLOW_UP");
        assertThat(goodMeeting.statusCode()).isEqualTo(302);
        var view = api.get("koordinator", "/api/cases/" + caseId).body();
        assertThat(view.get("stage").asText()).isEqualTo("FOLLOW_UP");
        assertThat(view.get("agreements").get(0).get("text").asText()).isEqualTo("Ring til bostøtten");
    }

    @Test
    void aTaskOfACaseYouMayNotSeeHasNoForm() throws Exception {
        Map<String, Object> referral = Map.of("externalRef", "FORM-" + System.nanoTime(), "citizen", Map.of("cpr", Route.cprForAge(30), "name", "Skjult Form"),
                "referredBy", "JOBCENTER", "referralDate", LocalDate.now().toString(), "flags", List.of("DEBT"));
        String caseId = api.post("koordinator", "/api/cases", referral).body().get("id").asText();
        HttpResponse<String> page = new Browser().login("familie").get("/opgaver/" + taskId(caseId, "registerConsent"));
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("Skjult Form");
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
        assertThat(TaskFormParserTestSupport.errors("followUp", body)).containsExactlyInAnyOrder("progression.HEALTH", "closeReason");
        for (String key : List.of("registerConsent", "youthTeamSparring", "networkMeeting", "findInternship", "internshipKickoff",
                "internshipMidwayReview", "evaluateInternship", "followUp")) {
            assertThat(TaskFormParserTestSupport.errors(key, TaskFormPages.body(key, new org.springframework.util.LinkedMultiValueMap<>())))
                    .as("an empty %s form", key).isNotEmpty();
        }
    }
}
