package dk.tvaers.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.support.Api;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * The role × endpoint matrix: every door of the API, the engine's REST API and the docs, called as
 * anonymous and as each demo user, on a case where UU takes part with consent and FAMILY does not.
 */
@TvaersTest
class AccessMatrixTests {

    private static final List<String> USERS = List.of("anonymous", "koordinator", "ungeteam", "virksomhed", "uu", "familie", "misbrug",
            "leder", "procesejer", "admin");

    @Autowired Api api;
    private String caseId;
    private String taskId;
    private String effortId;

    @BeforeEach
    void aCaseSharedWithUu() {
        Api.Response created = api.post("koordinator", "/api/cases", referral());
        caseId = created.body().get("id").asText();
        api.post("koordinator", "/api/cases/" + caseId + "/departments/UU", Map.of("decision", "INVOLVE"));
        api.post("koordinator", "/api/cases/" + caseId + "/consents",
                Map.of("givenBy", "CITIZEN", "departments", List.of("UU"), "givenOn", Route.today().toString()));
        taskId = api.get("koordinator", "/api/tasks?caseId=" + caseId).body().get(0).get("id").asText();
        effortId = api.post("koordinator", "/api/cases/" + caseId + "/efforts",
                Map.of("type", "EDUCATION_GUIDANCE", "requestedOn", Route.today().toString())).body().get("id").asText();
    }

    private static Map<String, Object> referral() {
        return Map.of("externalRef", "MATRIX-" + System.nanoTime(), "citizen", Map.of("cpr", Route.cprForAge(20), "name", "Matrix Test"),
                "referredBy", "JOBCENTER", "referralDate", Route.today().toString(), "flags", List.of("NO_EDUCATION"));
    }

    /** One row: a door, and the status each user gets (in the order of USERS). */
    private record Row(HttpMethod method, Supplier<String> path, Supplier<Object> body, int... expected) {}

    @Test
    void everyDoorOpensOnlyByThePolicy() {
        List<Row> rows = List.of(
                //                                                                anon koor unge virk  uu  fam  mis  led  proc adm
                new Row(HttpMethod.GET, () -> "/api/cases", () -> null, 401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                new Row(HttpMethod.GET, () -> "/api/cases/" + caseId, () -> null, 401, 200, 200, 200, 200, 404, 404, 404, 404, 200),
                new Row(HttpMethod.GET, () -> "/api/cases/" + caseId + "/timeline", () -> null, 401, 200, 200, 200, 200, 404, 404, 404, 404, 200),
                new Row(HttpMethod.GET, () -> "/api/cases/" + caseId + "/alarms", () -> null, 401, 200, 200, 200, 200, 404, 404, 404, 404, 200),
                new Row(HttpMethod.POST, () -> "/api/cases", AccessMatrixTests::referral, 401, 201, 201, 201, 403, 403, 403, 403, 403, 201),
                new Row(HttpMethod.PUT, () -> "/api/cases/" + caseId + "/flags", () -> Map.of("flags", List.of("NO_EDUCATION")),
                        401, 200, 200, 200, 403, 404, 404, 404, 404, 200),
                new Row(HttpMethod.POST, () -> "/api/cases/" + caseId + "/efforts",
                        () -> Map.of("type", "EDUCATION_GUIDANCE", "requestedOn", Route.today().toString()),
                        401, 201, 201, 201, 403, 404, 404, 404, 404, 201),
                new Row(HttpMethod.POST, () -> "/api/cases/" + caseId + "/departments/SOCIAL", () -> Map.of("decision", "INVOLVE"),
                        401, 200, 200, 200, 403, 404, 404, 404, 404, 200),
                new Row(HttpMethod.POST, () -> "/api/cases/" + caseId + "/consents",
                        () -> Map.of("givenBy", "CITIZEN", "departments", List.of("UU", "SOCIAL"), "givenOn", Route.today().toString()),
                        401, 201, 201, 201, 403, 404, 404, 404, 404, 201),
                new Row(HttpMethod.PATCH, () -> "/api/cases/" + caseId + "/efforts/" + effortId,
                        () -> Map.of("startedOn", Route.today().toString()), 401, 200, 200, 200, 403, 404, 404, 404, 404, 200),
                new Row(HttpMethod.GET, () -> "/api/tasks", () -> null, 401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                new Row(HttpMethod.POST, () -> "/api/tasks/" + taskId + "/claim", () -> null, 401, 204, 409, 409, 409, 404, 404, 404, 404, 409),
                new Row(HttpMethod.POST, () -> "/api/tasks/" + taskId + "/complete", () -> Map.of("consentGiven", "?"),
                        401, 400, 409, 409, 409, 404, 404, 404, 404, 409),
                new Row(HttpMethod.GET, () -> "/api/tasks?caseId=" + caseId, () -> null, 401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                new Row(HttpMethod.POST, () -> "/api/tasks/" + taskId + "/unclaim", () -> null, 401, 204, 204, 204, 204, 404, 404, 404, 404, 204),
                new Row(HttpMethod.GET, () -> "/api/audit?caseId=" + caseId, () -> null, 401, 403, 403, 403, 403, 403, 403, 403, 403, 200),
                new Row(HttpMethod.GET, () -> "/engine-rest/process-definition", () -> null, 401, 403, 403, 403, 403, 403, 403, 403, 200, 200),
                new Row(HttpMethod.GET, () -> "/engine-rest/task", () -> null, 401, 403, 403, 403, 403, 403, 403, 403, 200, 200),
                new Row(HttpMethod.GET, () -> "/api/cases/" + caseId + "/explanations?department=UU", () -> null,
                        401, 200, 200, 200, 200, 404, 404, 404, 404, 200),
                new Row(HttpMethod.GET, () -> "/api/rules", () -> null, 401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                new Row(HttpMethod.GET, () -> "/api/rules/versions", () -> null, 401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                new Row(HttpMethod.POST, () -> "/api/rules/simulate", () -> Map.of("thresholds", Map.of("WAIT_SPARRING", 14)),
                        401, 403, 403, 403, 403, 403, 403, 200, 403, 200),
                // Refused changes only (an unknown code, an unknown version): the matrix changes no rule.
                new Row(HttpMethod.PUT, () -> "/api/rules/thresholds", () -> Map.of("thresholds", Map.of("NO_SUCH_ALARM", 1), "comment", "x"),
                        401, 403, 403, 403, 403, 403, 403, 422, 403, 422),
                new Row(HttpMethod.POST, () -> "/api/rules/versions/99999/activate", () -> Map.of("comment", "x"),
                        401, 403, 403, 403, 403, 403, 403, 404, 403, 404),
                new Row(HttpMethod.GET, () -> "/api/stats", () -> null, 401, 200, 200, 200, 403, 403, 403, 200, 403, 200),
                new Row(HttpMethod.GET, () -> "/api/stats?from=2026-13-01", () -> null, 401, 400, 400, 400, 403, 403, 403, 400, 403, 400),
                new Row(HttpMethod.GET, () -> "/v3/api-docs", () -> null, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                // Last, since it takes UU's access away: the jobcentre withdraws; nobody else may, or sees anything to withdraw.
                new Row(HttpMethod.POST, () -> "/api/cases/" + caseId + "/consents/withdraw", () -> Map.of("withdrawnOn", Route.today().toString()),
                        401, 200, 409, 409, 404, 404, 404, 404, 404, 409),
                new Row(HttpMethod.GET, () -> "/api/cases/" + caseId, () -> null, 401, 200, 200, 200, 404, 404, 404, 404, 404, 200));
        // The web pages (login form, session) are in WebLoginTests.
        List<String> mismatches = new ArrayList<>();
        for (Row row : rows) {
            for (int i = 0; i < USERS.size(); i++) {
                String user = USERS.get(i).equals("anonymous") ? null : USERS.get(i);
                String path = row.path().get();
                int status = api.call(user, row.method(), path, row.body().get()).status();
                if (status != row.expected()[i]) {
                    mismatches.add(row.method() + " " + path + " as " + USERS.get(i) + ": expected " + row.expected()[i] + ", got " + status);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void answersCarrySecurityHeadersAndNoInternals() {
        Api.Response response = api.get("koordinator", "/api/cases/" + caseId);
        assertThat(response.headers().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.headers().getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.headers().getFirst("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(response.headers().getFirst("Cache-Control")).contains("no-store");
        Api.Response error = api.get("koordinator", "/api/cases/%27%20or%201=1--");
        assertThat(error.raw()).doesNotContain("Exception").doesNotContainIgnoringCase("select");
    }

    @Test
    void theUuCounsellorSeesTheCaseOnlyInTheListOnceShared() {
        Map<String, Object> other = new LinkedHashMap<>(referral());
        String notShared = api.post("koordinator", "/api/cases", other).body().get("id").asText();
        String list = api.get("uu", "/api/cases?size=200").raw();
        assertThat(list).contains(caseId).doesNotContain(notShared);
    }
}
