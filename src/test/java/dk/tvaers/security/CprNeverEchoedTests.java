package dk.tvaers.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.support.Api;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A CPR number typed where it does not belong — a path, a query, a header, a field name or value of
 * a body, on every kind of endpoint — is never stored in the audit trail, never repeated in an
 * answer (body or header) and never written to the log.
 */
@TvaersTest
@ExtendWith(OutputCaptureExtension.class)
class CprNeverEchoedTests {

    @Autowired Api api;
    @Autowired TestRestTemplate http;
    @Autowired JdbcClient jdbc;

    @Test
    void aCprNumberInAnyPartOfARequestGoesNowhere(CapturedOutput output) {
        String cpr = Route.cprForAge(31);
        String dashed = cpr.substring(0, 6) + "-" + cpr.substring(6);
        String caseId = api.post("koordinator", "/api/cases", Map.of("externalRef", "ECHO-" + System.nanoTime(),
                "citizen", Map.of("cpr", Route.cprForAge(30), "name", "Ekko Test"), "referredBy", "JOBCENTER",
                "referralDate", Route.today().toString())).body().get("id").asText();
        List<String> leaks = new ArrayList<>();
        List<Object[]> calls = List.of(
                new Object[] {HttpMethod.GET, "/api/cases/" + cpr, null},
                new Object[] {HttpMethod.GET, "/api/cases/" + dashed + "/timeline", null},
                new Object[] {HttpMethod.GET, "/api/cases/" + cpr + "/alarms?asOf=" + cpr, null},
                new Object[] {HttpMethod.PUT, "/api/cases/" + cpr + "/flags", "{\"flags\":[\"DEBT\"]}"},
                new Object[] {HttpMethod.POST, "/api/cases/" + caseId + "/departments/" + cpr, "{\"decision\":\"INVOLVE\"}"},
                new Object[] {HttpMethod.PATCH, "/api/cases/" + caseId + "/efforts/" + cpr, "{\"startedOn\":\"2026-01-01\"}"},
                new Object[] {HttpMethod.POST, "/api/tasks/" + cpr + "/claim", null},
                new Object[] {HttpMethod.POST, "/api/tasks/" + cpr + "/complete", "{}"},
                new Object[] {HttpMethod.GET, "/api/cases?stage=" + cpr + "&department=" + dashed + "&alarm=" + cpr + "&page=" + cpr, null},
                new Object[] {HttpMethod.GET, "/api/tasks?scope=" + cpr + "&caseId=" + cpr + "&taskKey=" + cpr, null},
                new Object[] {HttpMethod.GET, "/api/cases/" + cpr + "/nothing-here", null},
                new Object[] {HttpMethod.POST, "/api/cases", "{\"" + cpr + "\": 1, \"externalRef\": \"" + cpr + "\", \"flags\": [\"" + dashed + "\"],"
                        + " \"referredBy\": \"" + cpr + "\", \"referralDate\": \"" + cpr + "\", \"citizen\": {\"cpr\": \"" + cpr + "x\"}}"},
                new Object[] {HttpMethod.PUT, "/api/cases/" + caseId + "/flags", "{\"flags\": [\"" + cpr + "\"], \"" + dashed + "\": true}"},
                new Object[] {HttpMethod.POST, "/api/cases/" + caseId + "/efforts", "{\"type\": \"" + cpr + "\", \"requestedOn\": \"" + dashed + "\"}"});
        for (Object[] call : calls) {
            HttpHeaders headers = new HttpHeaders();
            headers.setBasicAuth("koordinator", "koordinator");
            headers.set("X-Sagsnummer", cpr);
            if (call[2] != null) {
                headers.setContentType(MediaType.APPLICATION_JSON);
            }
            var response = http.exchange((String) call[1], (HttpMethod) call[0], new HttpEntity<>(call[2], headers), String.class);
            String answer = response.getHeaders() + "\n" + response.getBody();
            if (answer.contains(cpr) || answer.contains(dashed)) {
                leaks.add(call[0] + " " + call[1] + " answered " + response.getStatusCode() + ": " + answer);
            }
        }
        // In a header the answer is chosen by: refused, and not repeated.
        HttpHeaders accept = new HttpHeaders();
        accept.setBasicAuth("koordinator", "koordinator");
        accept.set("Accept", "application/json, " + cpr);
        var refused = http.exchange("/api/cases", HttpMethod.GET, new HttpEntity<>(accept), String.class);
        assertThat(refused.getHeaders() + "\n" + refused.getBody()).doesNotContain(cpr).doesNotContain(dashed);
        // An administrator's read of the audit trail, with the number in its filter.
        Api.Response audit = api.get("admin", "/api/audit?caseId=" + cpr + "&user=" + cpr);
        assertThat(audit.raw()).doesNotContain(cpr).doesNotContain(dashed);
        assertThat(leaks).isEmpty();
        for (String form : List.of(cpr, dashed)) {
            long stored = jdbc.sql("select count(*) from audit_log where case_id like ? or action like ? or user_id like ?")
                    .params("%" + form + "%", "%" + form + "%", "%" + form + "%").query(Long.class).single();
            assertThat(stored).as("audit rows holding " + form).isZero();
        }
        assertThat(jdbc.sql("select count(*) from audit_log where case_id is null and action like ?")
                .param("%/api/cases/{id}% (id: " + cpr.substring(0, 6) + "-****)").query(Long.class).single())
                .as("the look at /api/cases/{cpr} is recorded, masked, with the action and not as a case").isPositive();
        assertThat(output.getAll()).doesNotContain(cpr).doesNotContain(dashed);
    }
}
