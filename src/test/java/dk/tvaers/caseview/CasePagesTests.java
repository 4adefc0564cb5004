package dk.tvaers.caseview;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.casefile.Flag;
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

/** The inbox and case pages over real HTTP with a session: what a coordinator sees and can do. */
@TvaersTest
class CasePagesTests {

    @LocalServerPort int port;
    @Autowired Api api;
    @Autowired Route route;
    @Autowired dk.tvaers.alarms.CaseEvaluation evaluation;


    private String caseWithWaitingPsychologist(String name) {
        Map<String, Object> referral = Map.of("externalRef", "PAGE-" + System.nanoTime(), "citizen", Map.of("cpr", Route.cprForAge(19), "name", name),
                "referredBy", "JOBCENTER", "referralDate", Route.today().toString(), "flags", List.of("MENTAL_HEALTH", "NO_EDUCATION"));
        String id = api.post("koordinator", "/api/cases", referral).body().get("id").asText();
        api.post("koordinator", "/api/cases/" + id + "/efforts",
                Map.of("type", "PSYCHOLOGIST", "department", "HEALTH", "requestedOn", Route.today().minusDays(152).toString()));
        return id;
    }

    @Test
    void theInboxShowsTheTeamsTaskWithItsAlarmAndLetsTheCoordinatorTakeIt() throws Exception {
        String id = caseWithWaitingPsychologist("Side Viktor");
        WebSession browser = new WebSession(port).loggedInAs("koordinator");
        // The consent task does not clear the psychologist's wait, so it is no more urgent for it: found by the alarm filter.
        HttpResponse<String> page = browser.get("/indbakke?sort=severity&alarm=WAIT_SERVICE&department=PSYCHIATRY");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Indbakke</h1>").contains("Side Viktor").contains("Indhent samtykke")
                .contains("Venter på psykologsamtaler i 152 dage; grænsen er 30").contains("<label for=\"taskKey\">Opgavetype</label>")
                .doesNotContain("??");
        String taskId = api.get("koordinator", "/api/tasks?caseId=" + id).body().get(0).get("id").asText();

        HttpResponse<String> claimed = browser.post("/opgaver/" + taskId + "/tag");
        assertThat(claimed.headers().firstValue("Location")).get().asString().endsWith("/indbakke?taken");
        assertThat(api.get("koordinator", "/api/tasks?scope=mine&caseId=" + id).body()).hasSize(1);
        assertThat(browser.get("/indbakke?taken").body()).contains("Giv tilbage").contains("Opgaven er nu din.");

        WebSession other = new WebSession(port).loggedInAs("admin");
        other.get("/indbakke");
        HttpResponse<String> conflict = other.post("/opgaver/" + taskId + "/tag");
        assertThat(conflict.headers().firstValue("Location")).get().asString().endsWith("/indbakke?conflict");
        assertThat(other.get("/indbakke?conflict").body()).contains("En anden har allerede taget opgaven.");

        // As htmx sends it from a filtered inbox: back to the same filters, with the status word.
        browser.get("/indbakke?sort=severity&taskKey=registerConsent");
        HttpResponse<String> givenBack = browser.postAsHtmx("/opgaver/" + taskId + "/giv-tilbage",
                "/indbakke?sort=severity&taskKey=registerConsent&taken");
        assertThat(givenBack.headers().firstValue("Location")).get().asString()
                .endsWith("/indbakke?sort=severity&taskKey=registerConsent&returned");
        assertThat(api.get("koordinator", "/api/tasks?scope=group&caseId=" + id).body()).hasSize(1);
        // Only the inbox is a way back: another address from the header is not followed.
        browser.get("/indbakke");
        HttpResponse<String> elsewhere = browser.postAsHtmx("/opgaver/" + taskId + "/tag", "/admin/audit?x=1");
        assertThat(elsewhere.headers().firstValue("Location")).get().asString().endsWith("/indbakke?taken");
    }

    @Test
    void theCasePageExplainsTheCaseAndAnswersSuggestions() throws Exception {
        String id = caseWithWaitingPsychologist("Side Sara");
        WebSession browser = new WebSession(port).loggedInAs("koordinator");
        HttpResponse<String> page = browser.get("/sager/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Side Sara").contains("-****").contains("19 år").contains("Mangler")
                .contains("Venter på psykologsamtaler i 152 dage").contains("Regel: requested-effort-waits-to-start")
                .contains("Psykiatri og handicap").contains("Borgeren har psykiske problemer")
                .contains("Borgerens forløb").contains("Henvist af Jobcenter")
                // The journey drawn: the psychologist's wait is over its threshold and says so.
                .contains("class=\"segment wait over-threshold\"").contains("Ventetid 152 dage (grænse 30)")
                .contains("Henvisning: 0 dage");
        // A CPR-like run of digits, not part of a UUID (whose hex groups can hold ten digits in a row).
        assertThat(page.body()).doesNotContainPattern("(?<![0-9a-f-])[0-9]{6}-?[0-9]{4}(?![0-9a-f])").doesNotContain("??");

        // Declining without a reason, with too long a reason or with a CPR number in it changes nothing
        // and says so by the reason field, with what was typed kept.
        HttpResponse<String> noReason = browser.post("/sager/" + id + "/afdelinger/PSYCHIATRY", "decision", "DECLINE", "reason", "  ");
        assertThat(noReason.statusCode()).isEqualTo(200);
        assertThat(noReason.body()).contains("id=\"err-reason-PSYCHIATRY\"").contains("Skriv hvorfor afdelingen ikke skal med")
                .contains("aria-describedby=\"err-reason-PSYCHIATRY\"").doesNotContain("id=\"err-reason-HEALTH\"")
                .contains("href=\"/sager/" + id + "?lang=en\"");
        String tooLong = "x".repeat(1001);
        assertThat(browser.post("/sager/" + id + "/afdelinger/PSYCHIATRY", "decision", "DECLINE", "reason", tooLong).body())
                .contains("Begrundelsen må højst være 1000 tegn").contains("value=\"" + tooLong + "\"");
        assertThat(browser.post("/sager/" + id + "/afdelinger/PSYCHIATRY", "decision", "DECLINE", "reason", "Se 010107 4234 hos egen læge").body())
                .contains("Skriv ikke CPR-numre i begrundelsen").contains("value=\"Se 010107 4234 hos egen læge\"");
        assertThat(api.get("koordinator", "/api/cases/" + id).body().get("departments").findValuesAsText("status")).doesNotContain("DECLINED");
        assertThat(browser.post("/sager/" + id + "/afdelinger/UU", "decision", "MAYBE").statusCode()).isEqualTo(404);

        assertThat(browser.post("/sager/" + id + "/afdelinger/UU", "decision", "INVOLVE").statusCode()).isEqualTo(302);
        assertThat(browser.post("/sager/" + id + "/afdelinger/HEALTH", "decision", "DECLINE", "reason", "Egen læge følger op")
                .statusCode()).isEqualTo(302);
        var view = api.get("koordinator", "/api/cases/" + id).body();
        view.get("departments").forEach(d -> {
            if (d.get("code").asText().equals("UU")) {
                assertThat(d.get("status").asText()).isEqualTo("INVOLVED");
            }
            if (d.get("code").asText().equals("HEALTH")) {
                assertThat(d.get("status").asText()).isEqualTo("DECLINED");
                assertThat(d.get("decisionReason").asText()).isEqualTo("Egen læge følger op");
            }
        });
        assertThat(api.get("admin", "/api/audit?caseId=" + id).raw()).contains("GET /sager/{id}");
    }

    private void complete(String user, String caseId, String taskKey, Map<String, Object> body) {
        String taskId = api.get(user, "/api/tasks?caseId=" + caseId + "&taskKey=" + taskKey).body().get(0).get("id").asText();
        assertThat(api.post(user, "/api/tasks/" + taskId + "/complete", body).status()).isEqualTo(204);
    }

    @Test
    void theCasePageShowsProgressionAsAChartAndATable() throws Exception {
        String id = caseWithWaitingPsychologist("Side Progression");
        assertThat(new WebSession(port).loggedInAs("koordinator").get("/sager/" + id).body()).contains("Ingen målinger endnu");
        complete("koordinator", id, "registerConsent", Map.of("consentGiven", true, "givenBy", "CITIZEN",
                "departments", List.of("UU"), "givenOn", Route.today().toString()));
        complete("ungeteam", id, "youthTeamSparring", Map.of("outcome", "INTERDISCIPLINARY", "departments", List.of("UU")));
        complete("koordinator", id, "networkMeeting", Map.of("heldOn", Route.today().toString(),
                "participants", List.of(Map.of("role", "CITIZEN")), "nextStep", "FOLLOW_UP"));
        try {
            route.fireTimer(id, "Timer_FollowUpDue");
            complete("koordinator", id, "followUp", Map.of("progression", Map.of("MOTIVATION", 4, "HEALTH", 6), "outcome", "CONTINUE"));
            HttpResponse<String> page = new WebSession(port).loggedInAs("koordinator").get("/sager/" + id);
            assertThat(page.body()).contains("id=\"progression-chart\"").contains("role=\"img\"")
                    .contains("<th scope=\"row\">Motivation og selvtillid</th>").contains("<td>4</td>").contains("<td>6</td>")
                    .contains("data-chart=\"{&quot;labels&quot;");
        } finally {
            Route.resetClock();
        }
    }

    @Test
    void aCaseYouMayNotSeeIsNotFoundAndFormsNeedTheirToken() throws Exception {
        String id = caseWithWaitingPsychologist("Side Skjult");
        WebSession familie = new WebSession(port).loggedInAs("familie");
        HttpResponse<String> hidden = familie.get("/sager/" + id);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.body()).contains("Findes ikke").doesNotContain("Side Skjult");
        assertThat(familie.get("/indbakke").body()).doesNotContain("Side Skjult");

        WebSession koordinator = new WebSession(port).loggedInAs("koordinator");
        koordinator.get("/sager/" + id);
        koordinator.forgeToken("forkert");
        assertThat(koordinator.post("/sager/" + id + "/afdelinger/UU", "decision", "INVOLVE").statusCode()).isEqualTo(403);
    }

    @Test
    void theInboxFiltersByStageDepartmentAndAlarmInTheDatabase() throws Exception {
        String waiting = caseWithWaitingPsychologist("Filter Frida");
        Map<String, Object> referral = Map.of("externalRef", "PAGE-" + System.nanoTime(),
                "citizen", Map.of("cpr", Route.cprForAge(20), "name", "Filter Finn"), "referredBy", "JOBCENTER",
                "referralDate", Route.today().toString(), "flags", List.of("CRIMINAL_RECORD"));
        String other = api.post("koordinator", "/api/cases", referral).body().get("id").asText();
        WebSession browser = new WebSession(port).loggedInAs("koordinator");

        assertThat(browser.get("/indbakke?alarm=WAIT_SERVICE&stage=CONSENT").body()).contains("/sager/" + waiting).doesNotContain("/sager/" + other);
        assertThat(browser.get("/indbakke?department=PSYCHIATRY").body()).contains("/sager/" + waiting).doesNotContain("/sager/" + other);
        assertThat(browser.get("/indbakke?department=PROBATION").body()).contains("/sager/" + other).doesNotContain("/sager/" + waiting);
        assertThat(browser.get("/indbakke?stage=FOLLOW_UP").body()).doesNotContain("/sager/" + waiting).doesNotContain("/sager/" + other);
        assertThat(browser.get("/indbakke?taskKey=followUp").body()).doesNotContain("/sager/" + waiting);

        // An unknown value is reported and left out; the other filters still apply.
        HttpResponse<String> unknown = browser.get("/indbakke?stage=NOWHERE&mp=abc&alarm=WAIT_SERVICE&department=PSYCHIATRY");
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("Et af filtrene havde en ukendt værdi").contains("/sager/" + waiting);
    }

    @Test
    void theInboxShowsTwentyFiveTasksAPageWithAPagerAndTheTotal() throws Exception {
        for (int i = 0; i < 26; i++) {
            api.post("koordinator", "/api/cases", Map.of("externalRef", "PAGER-" + System.nanoTime(),
                    "citizen", Map.of("cpr", Route.cprForAge(22), "name", "Side Person " + i), "referredBy", "JOBCENTER",
                    "referralDate", Route.today().toString(), "flags", List.of("NO_EDUCATION")));
        }
        long total = api.get("koordinator", "/api/tasks?scope=group").body().size();
        WebSession browser = new WebSession(port).loggedInAs("koordinator");
        String first = browser.get("/indbakke").body();
        long pages = (total + 24) / 25;
        assertThat(first).contains("Mine teams&#39; opgaver (" + total + ")").contains("Side 1 af " + pages)
                .contains("href=\"/indbakke?gp=1\"");
        String second = browser.get("/indbakke?gp=1").body();
        assertThat(second).contains("Side 2 af " + pages).contains("rel=\"prev\"");
        List<String> firstIds = taskLinks(teamList(first));
        assertThat(firstIds).hasSize(25);
        assertThat(taskLinks(teamList(second))).isNotEmpty().doesNotContainAnyElementsOf(firstIds);
    }

    private static String teamList(String page) {
        return page.substring(page.indexOf("id=\"group-heading\""));
    }

    private static List<String> taskLinks(String page) {
        return java.util.regex.Pattern.compile("href=\"/opgaver/([0-9a-f-]+)\"").matcher(page).results().map(m -> m.group(1)).toList();
    }

    @Test
    void thePagesSpeakEnglishWhenAskedAndRememberIt() throws Exception {
        WebSession browser = new WebSession(port).loggedInAs("koordinator");
        assertThat(browser.get("/indbakke").body()).contains("<html lang=\"da\"").contains("<h1>Indbakke</h1>").contains(">English</a>");
        assertThat(browser.get("/indbakke?lang=en").body()).contains("<html lang=\"en\"").contains("<h1>Inbox</h1>").contains(">Dansk</a>");
        assertThat(browser.get("/indbakke").body()).contains("<h1>Inbox</h1>");
        // The case page's drawn journey and its progression speak the chosen language too.
        String id = caseWithWaitingPsychologist("Sprog Signe");
        assertThat(browser.get("/sager/" + id).body()).contains("Waiting 152 days (limit 30)").contains("Psychologist sessions")
                .contains("Referral: 0 days").doesNotContain("Ventetid 152").contains("Obtain consent").contains("Psychiatry and disability");
        browser.get("/indbakke?lang=da");
        assertThat(browser.get("/sager/" + id).body()).contains("Ventetid 152 dage (grænse 30)").contains("Psykologsamtaler");
        // The language link keeps the inbox's filters and page, and leaves out a one-time status message.
        assertThat(browser.get("/indbakke?stage=CONSENT&taken&gp=0").body())
                .contains("href=\"/indbakke?stage=CONSENT&amp;gp=0&amp;lang=en\"");
        // A language without a bundle is Danish, not an untranslated page that claims to be German.
        assertThat(browser.get("/indbakke?lang=de").body()).contains("<html lang=\"da\"").contains("<h1>Indbakke</h1>");
    }

    @Test
    void theFrontPageShowsTheMostUrgentTasksWithWhy() throws Exception {
        Map<String, Object> referral = Map.of("externalRef", "PAGE-" + System.nanoTime(),
                "citizen", Map.of("cpr", Route.cprForAge(21), "name", "Forside Jonas"), "referredBy", "JOBCENTER",
                "referralDate", Route.today().toString(), "flags", List.of("SUBSTANCE_ABUSE"));
        String id = api.post("koordinator", "/api/cases", referral).body().get("id").asText();
        api.post("koordinator", "/api/cases/" + id + "/efforts",
                Map.of("type", "ADDICTION_TREATMENT", "department", "ADDICTION", "requestedOn", Route.today().minusDays(18).toString()));
        // Suggestions unanswered for twelve days: an alarm the consent task clears.
        Route.today(Route.today().minusDays(12));
        String suggested;
        try {
            suggested = route.refer("Forside Bodil", 24, Flag.MENTAL_HEALTH).id();
        } finally {
            Route.resetClock();
        }
        evaluation.evaluate(suggested);
        WebSession browser = new WebSession(port).loggedInAs("koordinator");
        String home = browser.get("/").body();
        assertThat(home).contains("Det mest presserende lige nu").contains("Gå til indbakken (");
        // A task with an alarm of its own exists among the visible tasks, so the first task listed has one and says why.
        String first = home.substring(home.indexOf("<ol class=\"urgent\">"));
        first = first.substring(0, first.indexOf("</li>"));
        assertThat(first).contains("class=\"why\"").containsPattern("badge (info|warning|critical)");
        // The waiting treatment is the case's, not the consent task's: it is never given as why a task is urgent.
        assertThat(home).doesNotContain("behandlingsgarantien");
        String list = home.substring(home.indexOf("<ol class=\"urgent\">"), home.indexOf("</ol>"));
        assertThat(list.split("<li", -1).length - 1).isBetween(1, 5);

        // A leader has no tasks: the front page is the leaders' dashboard.
        WebSession leader = new WebSession(port).loggedInAs("leder");
        assertThat(leader.get("/").headers().firstValue("Location").orElseThrow()).endsWith("/statistik");
        assertThat(leader.get("/statistik").body()).contains("Nøgletal for lederforum").doesNotContain("<ol class=\"urgent\">");
    }

    @Test
    void htmxIsNeverLeftWithAnAnswerItCannotSwap() throws Exception {
        // Not logged in (or the session ran out): htmx is told to load the login page as a whole page.
        var client = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> anonymous = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/indbakke")).header("HX-Request", "true").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("HX-Redirect")).contains("/login");

        // A task that no longer exists: back to the inbox with a message, not an error page in a list.
        WebSession browser = new WebSession(port).loggedInAs("koordinator");
        browser.get("/indbakke");
        HttpResponse<String> gone = browser.postAsHtmx("/opgaver/findes-ikke/tag", "/indbakke?taskKey=registerConsent");
        assertThat(gone.headers().firstValue("Location")).get().asString().endsWith("/indbakke?taskKey=registerConsent&gone");
        assertThat(browser.get("/indbakke?taskKey=registerConsent&gone").body()).contains("Opgaven findes ikke længere");
    }

    /** "Mine sager": a department's staff find the cases shared with them, and only those; the jobcentre every case; a leader none. */
    @Test
    void everyoneWhoMaySeeCasesFindsThemUnderMineSager() throws Exception {
        String shared = caseWithWaitingPsychologist("Delt Med Uu");
        api.post("koordinator", "/api/cases/" + shared + "/departments/UU", Map.of("decision", "INVOLVE"));
        api.post("koordinator", "/api/cases/" + shared + "/consents",
                Map.of("givenBy", "CITIZEN", "departments", List.of("UU"), "givenOn", Route.today().toString()));
        String notShared = caseWithWaitingPsychologist("Ikke Delt Med Uu");

        WebSession uu = new WebSession(port).loggedInAs("uu");
        assertThat(uu.get("/").body()).contains("href=\"/sager\"");
        HttpResponse<String> mine = uu.get("/sager");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("<h1>Mine sager</h1>").contains("/sager/" + shared).contains("Delt Med Uu")
                .doesNotContain("/sager/" + notShared).contains("-****").contains("Venter på indsats");
        assertThat(uu.get("/sager?alarm=WAIT_SERVICE").body()).contains("/sager/" + shared);
        assertThat(uu.get("/sager?stage=FOLLOW_UP").body()).doesNotContain("/sager/" + shared);
        HttpResponse<String> unknown = uu.get("/sager?stage=NOWHERE");
        assertThat(unknown.body()).contains("Et af filtrene havde en ukendt værdi").contains("/sager/" + shared);

        HttpResponse<String> all = new WebSession(port).loggedInAs("koordinator").get("/sager");
        assertThat(all.body()).contains("/sager/" + shared).contains("/sager/" + notShared).contains("Jobcentret ser alle sager");
        HttpResponse<String> leader = new WebSession(port).loggedInAs("leder").get("/sager");
        assertThat(leader.statusCode()).isEqualTo(200);
        assertThat(leader.body()).contains("Du ser ingen borgere").doesNotContain("/sager/" + shared);
    }

    /** The case's alarms most serious first: a critical one is never listed under the warnings. */
    @Test
    void theCasesAlarmsComeMostSeriousFirst() {
        String id = caseWithWaitingPsychologist("Alvor Først");
        api.post("koordinator", "/api/cases/" + id + "/efforts",
                Map.of("type", "ADDICTION_TREATMENT", "department", "ADDICTION", "requestedOn", Route.today().minusDays(20).toString()));
        var alarms = api.get("koordinator", "/api/cases/" + id).body().get("alarms");
        List<String> severities = new java.util.ArrayList<>();
        alarms.forEach(a -> severities.add(a.get("severity").asText()));
        assertThat(severities).contains("CRITICAL").hasSizeGreaterThan(1);
        assertThat(severities.get(0)).isEqualTo("CRITICAL");
        assertThat(severities).isSortedAccordingTo(java.util.Comparator.comparingInt(s -> List.of("CRITICAL", "WARNING", "INFO").indexOf(s)));
    }
}
