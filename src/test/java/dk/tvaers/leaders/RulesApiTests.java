package dk.tvaers.leaders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.tvaers.alarms.AlarmSweep;
import dk.tvaers.alarms.CaseAlarm;
import dk.tvaers.alarms.CaseEvaluation;
import dk.tvaers.casefile.CaseFile;
import dk.tvaers.casefile.Flag;
import dk.tvaers.rules.RuleEngine;
import dk.tvaers.support.Api;
import dk.tvaers.support.Route;
import dk.tvaers.support.RuleVersionsRestore;
import dk.tvaers.support.TvaersTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The leaders' rules through the HTTP API as API.md has it: thresholds as new versions, what-if
 * that changes nothing, uploads that compile or are refused with file and line, rollback, the
 * audit trail, and who may do what.
 */
@TvaersTest
class RulesApiTests {

    @Autowired Api api;
    @Autowired Route route;
    @Autowired RuleEngine engine;
    @Autowired AlarmSweep sweep;
    @Autowired CaseEvaluation evaluation;
    @Autowired JdbcClient jdbc;
    @Autowired TestRestTemplate http;
    @Autowired com.fasterxml.jackson.databind.ObjectMapper json;

    RuleVersionsRestore restore;

    @BeforeEach
    void remember() {
        restore = new RuleVersionsRestore(engine, sweep);
    }

    @AfterEach
    void putBack() {
        restore.restore();
        Route.resetClock();
    }

    private CaseFile waitingTwelveDaysForSparring(String name) {
        LocalDate referred = LocalDate.of(2026, 3, 2);
        Route.today(referred);
        CaseFile caseFile = route.refer(name, 30, Flag.DEBT);
        Route.today(referred.plusDays(12));
        evaluation.evaluate(caseFile.id());
        return caseFile;
    }

    private long rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private List<String> openCodes(String caseId) {
        return evaluation.openAlarms(caseId).stream().map(CaseAlarm::code).toList();
    }

    @Test
    void aLeaderLowersTheYouthTeamThresholdSeesTheWhatIfActivatesAndRollsBack() {
        CaseFile waiting = waitingTwelveDaysForSparring("Tolv Dage");
        assertThat(openCodes(waiting.id())).doesNotContain("WAIT_SPARRING");
        JsonNode before = api.get("leder", "/api/rules").body();
        assertThat(before.path("thresholds").path("WAIT_SPARRING").asInt()).isEqualTo(14);
        assertThat(before.path("rules")).anySatisfy(rule -> {
            assertThat(rule.path("name").asText()).isEqualTo("referral-waits-for-youth-team-sparring");
            assertThat(rule.path("kind").asText()).isEqualTo("ALARM");
            assertThat(rule.path("thresholdDays").asInt()).isEqualTo(14);
            assertThat(rule.path("description").asText()).contains("ungeteamet");
        });
        assertThat(before.path("rules")).anySatisfy(rule -> {
            assertThat(rule.path("name").asText()).isEqualTo("no-education-under-25-suggests-uu");
            assertThat(rule.path("source").asText()).isEqualTo("suggestions/department-suggestions.xlsx");
            assertThat(rule.path("description").asText()).isEqualTo("Foreslår Ungdommens Uddannelsesvejledning, når borgeren har «Ingen uddannelse» og er under 25 år.");
        });

        long alarmRows = rows("case_alarm");
        long versionRows = rows("rule_set_version");
        long eventRows = rows("case_event");
        Api.Response whatIf = api.post("leder", "/api/rules/simulate", Map.of("thresholds", Map.of("WAIT_SPARRING", 10)));
        assertThat(whatIf.status()).isEqualTo(200);
        assertThat(whatIf.body().path("baseVersion").asInt()).isEqualTo(restore.version());
        assertThat(whatIf.body().path("alarmsAdded").path("WAIT_SPARRING").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(whatIf.body().path("alarmsRemoved").path("WAIT_SPARRING").asInt()).isZero();
        assertThat(whatIf.body().path("byDepartment").path("JOBCENTER").path("alarmsAdded").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(whatIf.body().path("cases")).as("a leader sees no case").isEmpty();
        assertThat(whatIf.raw()).doesNotContain(waiting.id()).doesNotContain("Tolv Dage");
        Api.Response adminWhatIf = api.post("admin", "/api/rules/simulate", Map.of("thresholds", Map.of("WAIT_SPARRING", 10)));
        assertThat(adminWhatIf.body().path("cases")).anySatisfy(c -> {
            assertThat(c.path("caseId").asText()).isEqualTo(waiting.id());
            assertThat(c.path("alarmsAdded").get(0).asText()).isEqualTo("WAIT_SPARRING");
        });
        assertThat(rows("case_alarm")).as("what-if changes no row").isEqualTo(alarmRows);
        assertThat(rows("rule_set_version")).isEqualTo(versionRows);
        assertThat(rows("case_event")).isEqualTo(eventRows);
        assertThat(openCodes(waiting.id())).doesNotContain("WAIT_SPARRING");

        Api.Response changed = api.put("leder", "/api/rules/thresholds",
                Map.of("thresholds", Map.of("WAIT_SPARRING", 10), "comment", "Ungeteamet skal se de unge hurtigere"));
        assertThat(changed.status()).isEqualTo(201);
        int newVersion = changed.body().path("version").asInt();
        assertThat(newVersion).isGreaterThan(restore.version());
        assertThat(changed.headers().getLocation()).hasToString("/api/rules/versions/" + newVersion);
        assertThat(changed.body().path("thresholds").path("WAIT_SPARRING").asInt()).isEqualTo(10);
        assertThat(changed.body().path("thresholds").path("NO_COORDINATOR").asInt()).as("the others kept").isEqualTo(5);
        assertThat(changed.body().path("activatedBy").asText()).isEqualTo("leder");
        assertThat(changed.body().path("comment").asText()).isEqualTo("Ungeteamet skal se de unge hurtigere");
        RuleVersionsRestore.awaitSweep(sweep);
        assertThat(evaluation.openAlarms(waiting.id())).anySatisfy(alarm -> {
            assertThat(alarm.code()).isEqualTo("WAIT_SPARRING");
            assertThat(alarm.ruleSetVersion()).contains(newVersion);
        });
        Api.Response inbox = api.get("koordinator", "/api/tasks?scope=group&caseId=" + waiting.id());
        assertThat(inbox.body()).anySatisfy(task -> assertThat(task.path("alarms").toString()).contains("WAIT_SPARRING"));

        JsonNode history = api.get("leder", "/api/rules/versions").body();
        assertThat(history.get(0).path("version").asInt()).isEqualTo(newVersion);
        assertThat(history.get(0).path("active").asBoolean()).isTrue();
        assertThat(history.get(0).path("createdBy").asText()).isEqualTo("leder");

        Api.Response rolledBack = api.post("leder", "/api/rules/versions/" + restore.version() + "/activate",
                Map.of("comment", "Tilbage til 14 dage efter aftale i lederforum"));
        assertThat(rolledBack.status()).isEqualTo(200);
        assertThat(rolledBack.body().path("version").asInt()).isEqualTo(restore.version());
        assertThat(rolledBack.body().path("thresholds").path("WAIT_SPARRING").asInt()).isEqualTo(14);
        RuleVersionsRestore.awaitSweep(sweep);
        assertThat(openCodes(waiting.id())).doesNotContain("WAIT_SPARRING");

        List<String> audit = jdbc.sql("select action from audit_log where user_id = 'leder' and action like 'RULES_VERSION_%' order by id")
                .query(String.class).list();
        assertThat(audit).contains("RULES_VERSION_CREATED " + newVersion + ": Ungeteamet skal se de unge hurtigere",
                "RULES_VERSION_ACTIVATED " + newVersion, "RULES_VERSION_ACTIVATED " + restore.version());
    }

    @Test
    void badThresholdsAre422ByTheFieldAndChangeNothing() {
        long versions = rows("rule_set_version");
        Api.Response bad = api.put("leder", "/api/rules/thresholds",
                Map.of("thresholds", Map.of("NO_SUCH_ALARM", 3, "WAIT_SPARRING", 4000, "NO_COORDINATOR", "fem"), "comment", "test"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.body().path("errors")).extracting(e -> e.path("field").asText())
                .containsExactlyInAnyOrder("thresholds.NO_SUCH_ALARM", "thresholds.WAIT_SPARRING", "thresholds.NO_COORDINATOR");
        Api.Response fractional = api.put("leder", "/api/rules/thresholds", "{\"thresholds\":{\"WAIT_SPARRING\":10.5},\"comment\":\"x\"}");
        assertThat(fractional.status()).isEqualTo(422);
        Api.Response noComment = api.put("leder", "/api/rules/thresholds", Map.of("thresholds", Map.of("WAIT_SPARRING", 10)));
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.body().path("errors").get(0).path("field").asText()).isEqualTo("comment");
        assertThat(api.post("leder", "/api/rules/versions/9999/activate", Map.of("comment", "x")).status()).isEqualTo(404);
        assertThat(api.post("leder", "/api/rules/versions/abc/activate", Map.of("comment", "x")).status()).isEqualTo(404);
        assertThat(rows("rule_set_version")).isEqualTo(versions);
        assertThat(engine.active().version()).isEqualTo(restore.version());
    }

    @Test
    void onlyLeadersAndAdministratorsChangeTheRulesAndEverybodyReadsThem() {
        Map<String, Object> change = Map.of("thresholds", Map.of("WAIT_SPARRING", 10), "comment", "forsøg");
        for (String user : List.of("koordinator", "ungeteam", "uu", "procesejer")) {
            assertThat(api.put(user, "/api/rules/thresholds", change).status()).as(user).isEqualTo(403);
            assertThat(api.post(user, "/api/rules/simulate", change).status()).as(user).isEqualTo(403);
            assertThat(api.post(user, "/api/rules/versions/" + restore.version() + "/activate", Map.of("comment", "x")).status()).as(user).isEqualTo(403);
            assertThat(api.get(user, "/api/rules").status()).as(user).isEqualTo(200);
        }
        assertThat(api.put(null, "/api/rules/thresholds", change).status()).isEqualTo(401);
        assertThat(api.get(null, "/api/rules").status()).isEqualTo(401);
        assertThat(engine.active().version()).isEqualTo(restore.version());
    }

    @Test
    void theSourcesDownloadAsUploaded() {
        ResponseEntity<byte[]> table = download("department-suggestions.xlsx");
        assertThat(table.getStatusCode().value()).isEqualTo(200);
        assertThat(table.getHeaders().getContentType()).hasToString("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(table.getHeaders().getContentDisposition().getFilename()).isEqualTo("department-suggestions.xlsx");
        assertThat(table.getBody()).isEqualTo(engine.active().sources().stream()
                .filter(s -> s.name().equals("suggestions/department-suggestions.xlsx")).findFirst().orElseThrow().content());
        ResponseEntity<byte[]> thresholds = download("thresholds.csv");
        assertThat(new String(thresholds.getBody(), StandardCharsets.UTF_8)).startsWith("code,days,severity,description");
        assertThat(download("nothing.drl").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aBrokenUploadIs422WithFileAndLineWhileRequestsInFlightAreServedByTheOldVersion() throws Exception {
        CaseFile caseFile = route.refer("Under Upload", 30, Flag.DEBT);
        long versions = rows("rule_set_version");
        AtomicBoolean uploading = new AtomicBoolean(true);
        AtomicInteger served = new AtomicInteger();
        List<Integer> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            while (uploading.get()) {
                int status = api.get("koordinator", "/api/cases/" + caseFile.id() + "/alarms").status();
                if (status == 200) {
                    served.incrementAndGet();
                } else {
                    failures.add(status);
                }
            }
        });
        reader.start();
        try {
            ResponseEntity<String> drl = upload("/api/rules/deployments", "leder", "broken.drl", """
                    package suggestions;

                    import dk.tvaers.rules.CaseFacts;

                    rule "a broken rule"
                    when
                        CaseFacts( noSuchField == 3 )
                    then
                    end
                    """.getBytes(StandardCharsets.UTF_8));
            assertThat(drl.getStatusCode().value()).isEqualTo(422);
            assertThat(drl.getBody()).contains("\"file\":\"broken.drl\"").contains("\"line\":7").contains("noSuchField");

            byte[] table = dk.tvaers.rules.SuggestionTableFixture.xlsx("Regel;Flag;Alder fra;Alder under;Afdeling;Begrundelse",
                    "gæld-foreslår-socialt;DEBT;;;SOCIAL;Gæld", "ukendt;DEBT;;;NOWHERE;Hvad");
            ResponseEntity<String> sheet = upload("/api/rules/deployments", "leder", "department-suggestions.xlsx", table);
            assertThat(sheet.getStatusCode().value()).isEqualTo(422);
            assertThat(sheet.getBody()).contains("\"file\":\"suggestions/department-suggestions.xlsx\"").contains("\"line\":3")
                    .contains("ukendt afdeling 'NOWHERE'");
            assertThat(upload("/api/rules/deployments", "leder", "notes.txt", "x".getBytes(StandardCharsets.UTF_8)).getStatusCode().value())
                    .isEqualTo(400);
        } finally {
            Thread.sleep(200);
            uploading.set(false);
            reader.join();
        }
        assertThat(failures).isEmpty();
        assertThat(served.get()).isPositive();
        assertThat(rows("rule_set_version")).isEqualTo(versions);
        assertThat(engine.active().version()).isEqualTo(restore.version());
    }

    @Test
    void aLeaderChangesWhichDepartmentAFlagSuggestsByUploadingTheSpreadsheet() {
        CaseFile indebted = route.refer("Gæld Test", 30, Flag.DEBT);
        assertThat(route.caseFile(indebted.id()).departments()).anySatisfy(d -> assertThat(d.department().name()).isEqualTo("SOCIAL"));
        byte[] table = dk.tvaers.rules.SuggestionTableFixture.shippedTableWith("debt-suggests-social", "FAMILY");
        ResponseEntity<String> simulated = upload("/api/rules/simulate", "leder", "department-suggestions.xlsx", table);
        assertThat(simulated.getStatusCode().value()).isEqualTo(200);
        assertThat(simulated.getBody()).contains("\"suggestionsAdded\":{\"FAMILY\"").contains("\"suggestionsRemoved\":{\"SOCIAL\"");
        ResponseEntity<String> deployed = upload("/api/rules/deployments", "leder", "department-suggestions.xlsx", table);
        assertThat(deployed.getStatusCode().value()).isEqualTo(201);
        RuleVersionsRestore.awaitSweep(sweep);
        assertThat(route.caseFile(indebted.id()).departments()).anySatisfy(d -> {
            assertThat(d.department().name()).isEqualTo("FAMILY");
            assertThat(d.suggestedByVersion()).contains(engine.active().version());
        });
        assertThat(route.caseFile(indebted.id()).departments()).noneSatisfy(d -> assertThat(d.department().name()).isEqualTo("SOCIAL"));
        assertThat(download("department-suggestions.xlsx").getBody()).isEqualTo(table);
    }

    @Test
    void theWhatIfNamesExactlyTheChangesOfEachFixtureCaseAndItsTotalsAreTheirSum() throws Exception {
        LocalDate referred = LocalDate.of(2026, 4, 6);
        Route.today(referred);
        CaseFile twelve = route.refer("Fixture Tolv", 30, Flag.DEBT);
        Route.today(referred.plusDays(4));
        CaseFile eight = route.refer("Fixture Otte", 30, Flag.HOUSING);
        Route.today(referred.plusDays(12));
        evaluation.evaluate(twelve.id());
        evaluation.evaluate(eight.id());

        JsonNode lower = api.post("admin", "/api/rules/simulate", Map.of("thresholds", Map.of("WAIT_SPARRING", 10))).body();
        assertThat(entry(lower, twelve.id()).toString()).isEqualTo(
                "{\"caseId\":\"" + twelve.id() + "\",\"alarmsAdded\":[\"WAIT_SPARRING\"],\"alarmsRemoved\":[],\"suggestionsAdded\":[],\"suggestionsRemoved\":[]}");
        assertThat(entry(lower, eight.id())).as("8 days waiting: below 10 as below 14").isNull();
        assertSumsOfTheCases(lower);

        JsonNode raise = api.post("admin", "/api/rules/simulate", Map.of("thresholds", Map.of("NO_COORDINATOR", 3650))).body();
        assertThat(raise.path("alarmsAdded").path("NO_COORDINATOR").asInt()).isZero();
        assertSumsOfTheCases(raise);

        ResponseEntity<String> table = upload("/api/rules/simulate", "admin", "department-suggestions.xlsx",
                dk.tvaers.rules.SuggestionTableFixture.shippedTableWith("debt-suggests-social", "FAMILY"));
        JsonNode byTable = read(table.getBody());
        assertThat(entry(byTable, twelve.id()).path("suggestionsAdded").toString()).isEqualTo("[\"FAMILY\"]");
        assertThat(entry(byTable, twelve.id()).path("suggestionsRemoved").toString()).isEqualTo("[\"SOCIAL\"]");
        assertThat(entry(byTable, eight.id())).as("housing still suggests the social department").isNull();
        assertSumsOfTheCases(byTable);
    }

    /** The administrator sees every case: each count is the sum of the listed cases' changes. */
    private static void assertSumsOfTheCases(JsonNode result) {
        Map<String, Integer> added = new java.util.TreeMap<>();
        Map<String, Integer> suggested = new java.util.TreeMap<>();
        int alarmChanges = 0;
        for (JsonNode c : result.path("cases")) {
            c.path("alarmsAdded").forEach(code -> added.merge(code.asText(), 1, Integer::sum));
            c.path("suggestionsAdded").forEach(code -> suggested.merge(code.asText(), 1, Integer::sum));
            alarmChanges += c.path("alarmsAdded").size() + c.path("alarmsRemoved").size();
        }
        assertThat(result.path("casesChanged").asInt()).isEqualTo(result.path("cases").size());
        added.forEach((code, n) -> assertThat(result.path("alarmsAdded").path(code).asInt()).as(code).isEqualTo(n));
        suggested.forEach((code, n) -> assertThat(result.path("suggestionsAdded").path(code).asInt()).as(code).isEqualTo(n));
        JsonNode jobcentre = result.path("byDepartment").path("JOBCENTER");
        assertThat(jobcentre.path("alarmsAdded").asInt() + jobcentre.path("alarmsRemoved").asInt())
                .as("the job centre takes part in every case").isEqualTo(alarmChanges);
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(body, e);
        }
    }

    private static JsonNode entry(JsonNode result, String caseId) {
        for (JsonNode c : result.path("cases")) {
            if (c.path("caseId").asText().equals(caseId)) {
                return c;
            }
        }
        return null;
    }

    @Test
    void noRulesAnswerGivesALeaderANameACprNumberOrACaseId() {
        CaseFile caseFile = waitingTwelveDaysForSparring("Hemmelig Borger");
        java.util.regex.Pattern uuid = java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        java.util.regex.Pattern cpr = java.util.regex.Pattern.compile("\\b\\d{6}-?\\d{4}\\b");
        List<String> answers = List.of(api.get("leder", "/api/rules").raw(), api.get("leder", "/api/rules/versions").raw(),
                api.post("leder", "/api/rules/simulate", Map.of("thresholds", Map.of("WAIT_SPARRING", 1))).raw(),
                upload("/api/rules/simulate", "leder", "department-suggestions.xlsx",
                        dk.tvaers.rules.SuggestionTableFixture.shippedTableWith("debt-suggests-social", "FAMILY")).getBody());
        for (String answer : answers) {
            assertThat(answer).doesNotContain("Hemmelig Borger").doesNotContain(caseFile.id());
            assertThat(uuid.matcher(answer).find()).as(answer).isFalse();
            assertThat(cpr.matcher(answer).find()).as(answer).isFalse();
        }
        // A case a leader may not see does not exist for him (the problem's instance is only the path he asked for).
        assertThat(api.get("leder", "/api/cases/" + caseFile.id() + "/explanations?department=UU").status()).isEqualTo(404);
        JsonNode why = api.get("koordinator", "/api/cases/" + caseFile.id() + "/explanations?department=UU").body();
        assertThat(why.path("suggested").asBoolean()).isFalse();
        assertThat(why.path("rules").get(0).path("conditions").toString()).contains("borgeren har det ikke");
        assertThat(api.get("koordinator", "/api/cases/" + caseFile.id() + "/explanations").status()).isEqualTo(400);
        assertThat(api.get("koordinator", "/api/cases/" + caseFile.id() + "/explanations?department=NOWHERE").status()).isEqualTo(400);
    }

    private ResponseEntity<byte[]> download(String name) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("leder", "leder");
        return http.exchange("/api/rules/sources/" + name, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    private ResponseEntity<String> upload(String path, String user, String fileName, byte[] content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("files", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        form.add("comment", "Forslagstabellen fra lederforum");
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }
}
