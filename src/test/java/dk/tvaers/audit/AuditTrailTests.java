package dk.tvaers.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dk.tvaers.support.Api;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every read and change of a case is in the trail, which the application cannot change. */
@TvaersTest
class AuditTrailTests {

    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired TestRestTemplate http;
    @org.springframework.boot.test.web.server.LocalServerPort int port;

    private String newCase() {
        Map<String, Object> referral = Map.of("externalRef", "AUDIT-" + System.nanoTime(),
                "citizen", Map.of("cpr", Route.cprForAge(30), "name", "Audit Test"),
                "referredBy", "JOBCENTER", "referralDate", Route.today().toString(), "flags", List.of("DEBT"));
        return api.post("koordinator", "/api/cases", referral).body().get("id").asText();
    }

    private JsonNode trail(String caseId) {
        Api.Response response = api.get("admin", "/api/audit?caseId=" + caseId);
        assertThat(response.status()).isEqualTo(200);
        return response.body().get("content");
    }

    @Test
    void recordsReadsChangesAndRefusedLooks() {
        String id = newCase();
        api.get("koordinator", "/api/cases/" + id);
        api.put("koordinator", "/api/cases/" + id + "/flags", Map.of("flags", List.of("HOUSING")));
        api.get("familie", "/api/cases/" + id);
        api.get("koordinator", "/api/cases?size=200");

        JsonNode entries = trail(id);
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.get("user").asText()).isEqualTo("koordinator");
            assertThat(e.get("action").asText()).isEqualTo("GET /api/cases/{id}");
            assertThat(e.get("result").asText()).isEqualTo("200");
            assertThat(e.get("occurredAt").asText()).isNotBlank();
        });
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.get("action").asText()).isEqualTo("PUT /api/cases/{id}/flags");
            assertThat(e.get("result").asText()).isEqualTo("200");
        });
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.get("user").asText()).isEqualTo("familie");
            assertThat(e.get("result").asText()).isEqualTo("404");
        });
        assertThat(entries).anySatisfy(e -> assertThat(e.get("action").asText()).isEqualTo("GET /api/cases"));
        assertThat(entries).anySatisfy(e -> assertThat(e.get("action").asText()).isEqualTo("POST /api/cases"));
    }

    @Test
    void recordsTheCaseOfATask() {
        String id = newCase();
        String taskId = api.get("koordinator", "/api/tasks?caseId=" + id).body().get(0).get("id").asText();
        api.post("koordinator", "/api/tasks/" + taskId + "/claim", null);
        assertThat(trail(id)).anySatisfy(e -> {
            assertThat(e.get("action").asText()).isEqualTo("POST /api/tasks/{id}/claim");
            assertThat(e.get("result").asText()).isEqualTo("204");
        });
    }

    @Test
    void filtersByUserAndDateAndExportsCsv() {
        String id = newCase();
        api.get("koordinator", "/api/cases/" + id);
        String today = Route.today().toString();
        Api.Response byUser = api.get("admin", "/api/audit?user=koordinator&from=" + today + "&to=" + today + "&caseId=" + id);
        assertThat(byUser.body().get("content")).isNotEmpty().allSatisfy(e -> assertThat(e.get("user").asText()).isEqualTo("koordinator"));
        assertThat(api.get("admin", "/api/audit?caseId=" + id + "&to=" + Route.today().minusDays(1)).body().get("content")).isEmpty();

        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("admin", "admin");
        headers.set(HttpHeaders.ACCEPT, "text/csv");
        var csv = http.exchange("/api/audit?caseId=" + id, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).startsWith("tidspunkt;bruger;sag;handling;resultat\n").contains(";koordinator;" + id + ";GET /api/cases/{id};200");
        assertThat(api.get("admin", "/api/audit?from=igår").status()).isEqualTo(400);
    }

    @Test
    void onlyTheAdministratorSeesTheTrail() {
        assertThat(api.get("koordinator", "/api/audit").status()).isEqualTo(403);
        assertThat(api.get("leder", "/api/audit").status()).isEqualTo(403);
        assertThat(api.get(null, "/api/audit").status()).isEqualTo(401);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteTheTrail() {
        String id = newCase();
        api.get("koordinator", "/api/cases/" + id);
        assertThatThrownBy(() -> jdbc.sql("update audit_log set user_id = 'nogen' where case_id = ?").param(id).update())
                .hasMessageContaining("audit_log");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log where case_id = ?").param(id).update())
                .hasMessageContaining("audit_log");
        assertThat(jdbc.sql("select count(*) from audit_log where case_id = ? and user_id = 'nogen'").param(id).query(Long.class).single())
                .isZero();
    }

    @Test
    void theAuditPageIsPagedAndKeepsTheCaseColumnForCases() throws Exception {
        String id = newCase();
        for (int i = 0; i < 105; i++) {
            api.get("koordinator", "/api/cases/" + id);
        }
        long total = api.get("admin", "/api/audit?size=1000&caseId=" + id).body().get("content").size();
        assertThat(total).isGreaterThan(100);
        dk.tvaers.support.WebSession admin = new dk.tvaers.support.WebSession(port).loggedInAs("admin");
        String first = admin.get("/admin/audit?caseId=" + id).body();
        assertThat(first).contains("Viser 1–100 af " + total + " hændelser").contains("Side 1 af 2")
                .contains("href=\"/admin/audit?caseId=" + id + "&amp;p=1\"");
        String second = admin.get("/admin/audit?caseId=" + id + "&p=1").body();
        assertThat(second).contains("Viser 101–" + total + " af " + total + " hændelser").contains("Side 2 af 2").contains("rel=\"prev\"");
        // Past the last page: nothing shown, and said so; a page that is not a number is the first.
        assertThat(admin.get("/admin/audit?caseId=" + id + "&p=7").body()).contains("Ingen hændelser matcher.");
        assertThat(admin.get("/admin/audit?caseId=" + id + "&p=x").body()).contains("Viser 1–100 af " + total);

        // A failed look at something that is not a case's id: the case column stays empty, what was asked for is with the action.
        String typed = "koordinator" + System.nanoTime();
        assertThat(api.get("koordinator", "/api/cases/" + typed).status()).isIn(400, 404);
        Long inCaseColumn = jdbc.sql("select count(*) from audit_log where case_id = ?").param(typed).query(Long.class).single();
        assertThat(inCaseColumn).isZero();
        assertThat(jdbc.sql("select count(*) from audit_log where case_id is null and action = ?")
                .param("GET /api/cases/{id} (id: " + typed + ")").query(Long.class).single()).isEqualTo(1L);
    }
}
