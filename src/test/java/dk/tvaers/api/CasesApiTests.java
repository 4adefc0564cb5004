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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every row of API.md's Cases section over real HTTP, with the status codes it names. */
@TvaersTest
class CasesApiTests {

    @Autowired Api api;
    @Autowired RuntimeService runtime;
    @Autowired JdbcClient jdbc;

    static Map<String, Object> referral(String externalRef, String cpr, String... flags) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("externalRef", externalRef);
        body.put("citizen", Map.of("cpr", cpr, "name", "Api Test"));
        body.put("referredBy", "JOBCENTER");
        body.put("referralDate", Route.today().minusDays(1).toString());
        body.put("flags", List.of(flags));
        body.put("note", "fri tekst");
        return body;
    }

    static String ref() {
        return "API-" + System.nanoTime();
    }

    @org.springframework.boot.test.web.server.LocalServerPort int port;

    private String newCase(String... flags) {
        Api.Response created = api.post("koordinator", "/api/cases", referral(ref(), Route.cprForAge(19), flags));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private static List<String> errorFields(Api.Response response) {
        List<String> fields = new ArrayList<>();
        response.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().get("title").asText()).isNotBlank();
        assertThat(response.raw()).doesNotContain("Exception").doesNotContain("at dk.").doesNotContainIgnoringCase("select ");
    }

    @Test
    void aNewReferralIs201WithLocationAndTheCaseView() {
        String cpr = Route.cprForAge(19);
        Api.Response response = api.post("koordinator", "/api/cases", referral(ref(), cpr, "MENTAL_HEALTH", "NO_EDUCATION", "SOCIAL_ISOLATION"));
        assertThat(response.status()).isEqualTo(201);
        JsonNode view = response.body();
        assertThat(response.headers().getLocation()).hasToString("/api/cases/" + view.get("id").asText());
        assertThat(view.get("citizen").get("cprMasked").asText()).isEqualTo(cpr.substring(0, 6) + "-****");
        assertThat(view.get("citizen").get("age").asInt()).isEqualTo(19);
        assertThat(response.raw()).doesNotContain(cpr);
        assertThat(view.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(view.get("stage").asText()).isEqualTo("CONSENT");
        assertThat(view.get("consent").get("status").asText()).isEqualTo("MISSING");
        assertThat(view.get("activeTasks").get(0).get("taskKey").asText()).isEqualTo("registerConsent");
        List<String> departments = new ArrayList<>();
        view.get("departments").forEach(d -> departments.add(d.get("code").asText() + ":" + d.get("status").asText()));
        assertThat(departments).containsExactlyInAnyOrder("JOBCENTER:INVOLVED", "UU:SUGGESTED", "SOCIAL:SUGGESTED", "PSYCHIATRY:SUGGESTED", "HEALTH:SUGGESTED");
        view.get("departments").forEach(d -> {
            if (d.get("status").asText().equals("SUGGESTED")) {
                assertThat(d.get("reasons").get(0).get("rule").asText()).isNotBlank();
                assertThat(d.get("reasons").get(0).get("text").asText()).isNotBlank();
            }
        });
    }

    @Test
    void theSameReferralAgainIs200AndADifferentOneWithTheSameKeyIs409() {
        Map<String, Object> body = referral(ref(), Route.cprForAge(30), "DEBT");
        Api.Response first = api.post("koordinator", "/api/cases", body);
        Api.Response again = api.post("koordinator", "/api/cases", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("id").asText()).isEqualTo(first.body().get("id").asText());
        body.put("note", "noget andet");
        assertProblem(api.post("koordinator", "/api/cases", body), 409);
    }

    @Test
    void identicalReferralsAtTheSameMomentGiveOneCaseAndOneRoute() throws Exception {
        Map<String, Object> body = referral(ref(), Route.cprForAge(25), "HOUSING");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Api.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return api.post("koordinator", "/api/cases", body);
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (var call : calls) {
            Api.Response response = call.get();
            statuses.add(response.status());
            ids.add(response.body().get("id").asText());
        }
        assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(jdbc.sql("select count(*) from case_file where external_ref = ?").param(body.get("externalRef")).query(Long.class).single()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(ids.get(0)).processDefinitionKey("CaseRouteProcess").count()).isEqualTo(1);
    }

    @Test
    void invalidReferralsAre400WithOneErrorPerField() {
        Map<String, Object> body = referral(ref(), "3102071234", "MENTAL_HEALTH", "NO_SUCH_FLAG");
        body.put("referredBy", "NO_SUCH_DEPARTMENT");
        body.put("referralDate", Route.today().plusDays(1).toString());
        Api.Response response = api.post("koordinator", "/api/cases", body);
        assertProblem(response, 400);
        assertThat(errorFields(response)).containsExactlyInAnyOrder("citizen.cpr", "referredBy", "referralDate", "flags[1]");

        Map<String, Object> empty = new LinkedHashMap<>();
        assertThat(errorFields(api.post("koordinator", "/api/cases", empty)))
                .containsExactlyInAnyOrder("externalRef", "citizen", "referredBy", "referralDate");
        Map<String, Object> wrongTypes = referral(ref(), Route.cprForAge(20));
        wrongTypes.put("flags", "MENTAL_HEALTH");
        wrongTypes.put("citizen", Map.of("cpr", 101071234, "name", List.of("x")));
        assertThat(errorFields(api.post("koordinator", "/api/cases", wrongTypes))).containsExactlyInAnyOrder("flags", "citizen.cpr", "citizen.name");
        assertProblem(api.post("koordinator", "/api/cases", "{\"externalRef\": "), 400);
        assertProblem(api.post("koordinator", "/api/cases", "[1,2]"), 400);
    }

    @Test
    void aCprOfSomeoneNotYetBornAndADayNoCaseCanHaveAreRefusedByTheirField() {
        // 010150-5xxx: 7th digit 5 and year 50 is 2050 by the century rule, a valid number but a birth after today.
        Map<String, Object> unborn = referral(ref(), "0101505234", "DEBT");
        Api.Response refused = api.post("koordinator", "/api/cases", unborn);
        assertProblem(refused, 400);
        assertThat(errorFields(refused)).containsExactly("citizen.cpr");
        assertThat(refused.raw()).contains("fødselsdato efter i dag").doesNotContain("0101505234").doesNotContain("010150-5234");

        String id = newCase("DEBT");
        for (String day : List.of("0427-01-08", "1899-12-31")) {
            Api.Response consent = api.post("koordinator", "/api/cases/" + id + "/consents",
                    Map.of("givenBy", "CITIZEN", "departments", List.of("SOCIAL"), "givenOn", day));
            assertProblem(consent, 400);
            assertThat(errorFields(consent)).as(day + ": " + consent.raw()).containsExactly("givenOn");
            assertThat(consent.raw()).contains("fra år 1900 til 2099");
        }
        Api.Response effort = api.post("koordinator", "/api/cases/" + id + "/efforts",
                Map.of("type", "DEBT_COUNSELLING", "department", "SOCIAL", "requestedOn", Route.today().toString(), "endedOn", "2150-01-01"));
        assertProblem(effort, 400);
        assertThat(errorFields(effort)).contains("endedOn");
        assertProblem(api.get("koordinator", "/api/cases/" + id + "/alarms?asOf=0427-01-08"), 400);
        assertThat(api.get("koordinator", "/api/cases/" + id).body().get("consent").get("status").asText()).isEqualTo("MISSING");
        assertThat(api.get("koordinator", "/api/cases/" + id).body().get("efforts")).isEmpty();
    }

    @Test
    void acceptsACprWithADash() {
        String cpr = Route.cprForAge(40);
        Api.Response response = api.post("koordinator", "/api/cases", referral(ref(), cpr.substring(0, 6) + "-" + cpr.substring(6)));
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body().get("citizen").get("age").asInt()).isEqualTo(40);
    }

    @Test
    void anonymousIs401AndALeaderMayNotRefer() {
        assertProblem(api.post(null, "/api/cases", referral(ref(), Route.cprForAge(20))), 401);
        assertProblem(api.get(null, "/api/cases"), 401);
        assertProblem(api.post("leder", "/api/cases", referral(ref(), Route.cprForAge(20))), 403);
        assertProblem(api.call("koordinator", org.springframework.http.HttpMethod.GET, "/api/cases/x/flags", null), 405);
    }

    @Test
    void anUnknownCaseAndACaseYouMayNotSeeAreBoth404() {
        assertProblem(api.get("koordinator", "/api/cases/does-not-exist"), 404);
        String id = newCase("KNOWN_IN_FAMILY_DEPT");
        assertProblem(api.get("familie", "/api/cases/" + id), 404);
        assertProblem(api.get("familie", "/api/cases/" + id + "/timeline"), 404);
        assertProblem(api.get("leder", "/api/cases/" + id), 404);
        assertThat(api.get("koordinator", "/api/cases/" + id).status()).isEqualTo(200);
    }

    @Test
    void replacingFlagsChangesTheSuggestionsAtOnce() {
        String id = newCase("HOUSING");
        Api.Response response = api.put("koordinator", "/api/cases/" + id + "/flags", Map.of("flags", List.of("SUBSTANCE_ABUSE")));
        assertThat(response.status()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        response.body().get("departments").forEach(d -> codes.add(d.get("code").asText()));
        assertThat(codes).contains("ADDICTION").doesNotContain("SOCIAL");
        assertThat(errorFields(api.put("koordinator", "/api/cases/" + id + "/flags", Map.of("flags", List.of("NOPE"))))).containsExactly("flags[0]");
        assertProblem(api.put("koordinator", "/api/cases/nope/flags", Map.of("flags", List.of())), 404);
    }

    @Test
    void answersASuggestion() {
        String id = newCase("DEBT");
        Api.Response involved = api.post("koordinator", "/api/cases/" + id + "/departments/SOCIAL", Map.of("decision", "INVOLVE", "reason", "Gældsrådgivning"));
        assertThat(involved.status()).isEqualTo(200);
        assertThat(department(involved.body(), "SOCIAL").get("status").asText()).isEqualTo("INVOLVED");
        Api.Response declined = api.post("koordinator", "/api/cases/" + id + "/departments/UU", Map.of("decision", "DECLINE", "reason", "Har uddannelse"));
        assertThat(department(declined.body(), "UU").get("status").asText()).isEqualTo("DECLINED");
        assertThat(errorFields(api.post("koordinator", "/api/cases/" + id + "/departments/NOPE", Map.of("decision", "MAYBE"))))
                .containsExactlyInAnyOrder("code", "decision");
        assertThat(errorFields(api.post("koordinator", "/api/cases/" + id + "/departments/UU", Map.of("decision", "DECLINE")))).containsExactly("reason");
        assertProblem(api.post("koordinator", "/api/cases/" + id + "/departments/JOBCENTER", Map.of("decision", "DECLINE", "reason", "x")), 409);
    }

    private static JsonNode department(JsonNode view, String code) {
        for (JsonNode d : view.get("departments")) {
            if (d.get("code").asText().equals(code)) {
                return d;
            }
        }
        throw new AssertionError("no department " + code);
    }

    @Test
    void consentGivesADepartmentAccessAndWithdrawalTakesItAway() {
        String id = newCase("KNOWN_IN_FAMILY_DEPT");
        api.post("koordinator", "/api/cases/" + id + "/departments/FAMILY", Map.of("decision", "INVOLVE"));
        assertThat(api.get("familie", "/api/cases/" + id).status()).isEqualTo(404);

        Api.Response given = api.post("koordinator", "/api/cases/" + id + "/consents",
                Map.of("givenBy", "CITIZEN", "departments", List.of("FAMILY"), "givenOn", Route.today().toString()));
        assertThat(given.status()).isEqualTo(201);
        assertThat(given.body().get("consent").get("status").asText()).isEqualTo("GIVEN");
        assertThat(api.get("familie", "/api/cases/" + id).status()).isEqualTo(200);
        assertThat(listIds("familie", "")).contains(id);

        Api.Response withdrawn = api.post("koordinator", "/api/cases/" + id + "/consents/withdraw", Map.of("withdrawnOn", Route.today().toString()));
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.body().get("consent").get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(api.get("familie", "/api/cases/" + id).status()).isEqualTo(404);
        assertThat(listIds("familie", "")).doesNotContain(id);
        assertProblem(api.post("koordinator", "/api/cases/" + id + "/consents/withdraw", Map.of("withdrawnOn", Route.today().toString())), 409);

        assertThat(errorFields(api.post("koordinator", "/api/cases/" + id + "/consents",
                Map.of("givenBy", "NEIGHBOUR", "departments", List.of(), "givenOn", Route.today().plusDays(3).toString()))))
                .containsExactlyInAnyOrder("givenBy", "departments", "givenOn");
    }

    @Test
    void effortsRecordWaitingTimeAndMoveOn() {
        String id = newCase("MENTAL_HEALTH");
        LocalDate requested = Route.today().minusDays(40);
        Api.Response created = api.post("koordinator", "/api/cases/" + id + "/efforts",
                Map.of("type", "PSYCHOLOGIST", "department", "HEALTH", "requestedOn", requested.toString()));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("waitingDays").asInt()).isEqualTo(40);
        assertThat(created.body().get("status").asText()).isEqualTo("WAITING");
        long effortId = created.body().get("id").asLong();
        assertThat(created.headers().getLocation()).hasToString("/api/cases/" + id + "/efforts/" + effortId);
        assertThat(alarmCodes(api.get("koordinator", "/api/cases/" + id).body())).contains("WAIT_SERVICE");

        Api.Response started = api.patch("koordinator", "/api/cases/" + id + "/efforts/" + effortId, Map.of("startedOn", Route.today().toString()));
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.body().get("status").asText()).isEqualTo("RUNNING");
        assertThat(alarmCodes(api.get("koordinator", "/api/cases/" + id).body())).doesNotContain("WAIT_SERVICE");

        assertThat(errorFields(api.patch("koordinator", "/api/cases/" + id + "/efforts/" + effortId, Map.of("endedOn", requested.minusDays(1).toString()))))
                .containsExactly("endedOn");
        assertThat(errorFields(api.patch("koordinator", "/api/cases/" + id + "/efforts/" + effortId, Map.of()))).containsExactly("startedOn");
        assertProblem(api.patch("koordinator", "/api/cases/" + id + "/efforts/999999", Map.of("startedOn", Route.today().toString())), 404);
        assertThat(errorFields(api.post("koordinator", "/api/cases/" + id + "/efforts",
                Map.of("type", "MAGIC", "requestedOn", "i går", "endedOn", Route.today().toString()))))
                .containsExactlyInAnyOrder("type", "requestedOn", "endedOn");
    }

    private static List<String> alarmCodes(JsonNode view) {
        List<String> codes = new ArrayList<>();
        view.get("alarms").forEach(a -> codes.add(a.get("code").asText()));
        return codes;
    }

    @Test
    void alarmsAsOfAreComputedAndNotStored() {
        String id = newCase("DEBT");
        Api.Response later = api.get("koordinator", "/api/cases/" + id + "/alarms?asOf=" + Route.today().plusDays(30));
        assertThat(later.status()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        later.body().forEach(a -> {
            codes.add(a.get("code").asText());
            assertThat(a.get("rule").asText()).isNotBlank();
            assertThat(a.get("text").asText()).isNotBlank();
        });
        assertThat(codes).contains("NO_COORDINATOR", "WAIT_SPARRING");
        assertThat(alarmCodes(api.get("koordinator", "/api/cases/" + id).body())).isEmpty();
        assertThat(errorFields(api.get("koordinator", "/api/cases/" + id + "/alarms?asOf=snart"))).containsExactly("asOf");
    }

    @Test
    void theTimelineListsTheCasesEventsInOrder() {
        String id = newCase("HOUSING");
        Api.Response timeline = api.get("koordinator", "/api/cases/" + id + "/timeline");
        assertThat(timeline.status()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        timeline.body().forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).startsWith("REFERRED").contains("SUGGESTED", "STAGE");
    }

    private List<String> listIds(String user, String query) {
        Api.Response page = api.get(user, "/api/cases?size=200" + query);
        assertThat(page.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.body().get("content").forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

    @Test
    void listsVisibleCasesNewestFirstWithFiltersAndPaging() {
        String older = newCase("SUBSTANCE_ABUSE");
        String newer = newCase("SUBSTANCE_ABUSE");
        List<String> all = listIds("koordinator", "&department=ADDICTION&stage=CONSENT");
        assertThat(all).containsSubsequence(newer, older);
        assertThat(listIds("koordinator", "&department=PROBATION")).doesNotContain(newer);
        assertThat(listIds("koordinator", "&stage=CLOSED")).doesNotContain(newer);
        assertThat(listIds("leder", "")).isEmpty();

        Api.Response first = api.get("koordinator", "/api/cases?size=1&page=0");
        assertThat(first.body().get("content")).hasSize(1);
        assertThat(first.body().get("totalElements").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(first.body().get("totalPages").asLong()).isEqualTo(first.body().get("totalElements").asLong());
        assertThat(first.raw()).contains("-****");

        Api.Response bad = api.get("koordinator", "/api/cases?stage=SOMEWHERE&department=X&alarm=Y&page=-1&size=1000");
        assertThat(errorFields(bad)).containsExactlyInAnyOrder("stage", "department", "alarm", "page", "size");
    }

    @Test
    void filtersByOpenAlarm() {
        String id = newCase("MENTAL_HEALTH");
        api.post("koordinator", "/api/cases/" + id + "/efforts",
                Map.of("type", "PSYCHOLOGIST", "department", "HEALTH", "requestedOn", Route.today().minusDays(60).toString()));
        assertThat(listIds("koordinator", "&alarm=WAIT_SERVICE")).contains(id);
        assertThat(listIds("koordinator", "&alarm=TRANSITION_AT_18")).doesNotContain(id);
    }

    /** The treatment guarantee's alarm is a WAIT_SERVICE raised by its own rule: its filter finds it, and only it. */
    @Test
    void theTreatmentGuaranteesFilterFindsTheCasesWaitingForSubstanceAbuseTreatment() throws Exception {
        String treatment = newCase("SUBSTANCE_ABUSE");
        api.post("koordinator", "/api/cases/" + treatment + "/efforts",
                Map.of("type", "ADDICTION_TREATMENT", "department", "ADDICTION", "requestedOn", Route.today().minusDays(20).toString()));
        String psychologist = newCase("MENTAL_HEALTH");
        api.post("koordinator", "/api/cases/" + psychologist + "/efforts",
                Map.of("type", "PSYCHOLOGIST", "department", "HEALTH", "requestedOn", Route.today().minusDays(60).toString()));
        assertThat(listIds("koordinator", "&alarm=WAIT_SERVICE_ADDICTION_TREATMENT")).contains(treatment).doesNotContain(psychologist);
        assertThat(listIds("koordinator", "&alarm=WAIT_SERVICE")).contains(treatment, psychologist);
        // The inbox's filter "Venter på misbrugsbehandling (§ 101)" reads the same where clause.
        String inbox = new dk.tvaers.support.WebSession(port).loggedInAs("koordinator").get("/indbakke?alarm=WAIT_SERVICE_ADDICTION_TREATMENT").body();
        assertThat(inbox).contains("/sager/" + treatment).doesNotContain("/sager/" + psychologist);
    }
}
