package dk.tvaers.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.casefile.Flag;
import dk.tvaers.support.Api;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import dk.tvaers.support.WebSession;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /api/stats} and the dashboard over real HTTP: JSON and CSV, refusals by the field, who may see
 * them, the leaders' front page, and a scan of every answer for any personal datum the database holds.
 */
@TvaersTest
class StatsApiTests {

    @Autowired Api api;
    @Autowired Route route;
    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @Test
    void theFiguresComeAsJsonOrCsvAndABadPeriodIsRefusedByItsField() {
        route.refer("Statistik Borger", 20, Flag.NO_EDUCATION);
        Api.Response json = api.get("leder", "/api/stats");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.body().get("to").asText()).isEqualTo(Route.today().toString());
        assertThat(json.body().get("from").asText()).isEqualTo(Route.today().minusYears(1).plusDays(1).toString());
        assertThat(json.body().get("activeCases").isIntegralNumber() || "<5".equals(json.body().get("activeCases").asText())).isTrue();
        assertThat(json.body().fieldNames()).toIterable().contains("casesByStage", "waitingDaysByStage", "waitingDaysByEffort", "openAlarmsByCode",
                "alarmsByWeek", "departmentsPerCase", "involvementByDepartment", "outcomes", "progression", "keyFigures");

        ResponseEntity<String> csv = csv("leder", "/api/stats?from=" + Route.today().minusDays(6) + "&to=" + Route.today());
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).startsWith("figure;key;measure;value;label\n").contains("\nactiveCases;;count;");

        Api.Response reversed = api.get("leder", "/api/stats?from=" + Route.today() + "&to=" + Route.today().minusDays(1));
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.body().get("errors").get(0).get("field").asText()).isEqualTo("to");
        Api.Response wrong = api.get("leder", "/api/stats?from=igår&department=NOWHERE");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().get("errors")).extracting(e -> e.get("field").asText()).containsExactlyInAnyOrder("from", "department");
        assertThat(api.get("leder", "/api/stats?from=2000-01-01").status()).isEqualTo(200);
        Api.Response typo = api.get("leder", "/api/stats?to=20226-01-01&from=1999-12-31");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.body().get("errors")).extracting(e -> e.get("field").asText()).containsExactlyInAnyOrder("from", "to");
        assertThat(api.get("leder", "/api/stats?form=2026-01-01").status()).isEqualTo(400);
        assertThat(api.get("leder", "/api/stats?department=UU").body().get("department").asText()).isEqualTo("UU");
    }

    @Test
    void noAnswerHoldsANameACprNumberOrACaseId() throws Exception {
        String caseId = route.refer("Navn Somkunfindesher", 19, Flag.HOUSING).id();
        List<Map<String, Object>> cases = jdbc.queryForList("select id, external_ref, citizen_name, cpr from case_file");
        assertThat(cases).isNotEmpty();
        List<String> answers = new ArrayList<>();
        for (String query : List.of("", "?department=JOBCENTER", "?from=2000-01-01&to=2009-12-31", "?department=HEALTH")) {
            answers.add(api.get("leder", "/api/stats" + query).raw());
            answers.add(csv("leder", "/api/stats" + query).getBody());
        }
        WebSession leader = new WebSession(port).loggedInAs("leder");
        answers.add(leader.get("/statistik").body());
        answers.add(leader.get("/statistik/tal.csv").body());
        assertThat(answers).allSatisfy(answer -> assertThat(answer).isNotBlank());
        for (Map<String, Object> c : cases) {
            String cpr = (String) c.get("cpr");
            for (String answer : answers) {
                assertThat(answer).doesNotContain((String) c.get("id"), (String) c.get("external_ref"), (String) c.get("citizen_name"), cpr,
                        cpr.substring(0, 6) + "-" + cpr.substring(6));
            }
        }
        assertThat(answers.get(0)).doesNotContain(caseId);
    }

    @Test
    void leadersTheJobcentreAndAdministratorsSeeTheDashboardAndNobodyElse() throws Exception {
        for (String user : List.of("leder", "koordinator", "admin")) {
            HttpResponse<String> page = new WebSession(port).loggedInAs(user).get("/statistik");
            assertThat(page.statusCode()).as(user).isEqualTo(200);
            assertThat(page.body()).as(user).contains("Nøgletal for lederforum", "stats-chart", "Hent tallene som CSV");
        }
        for (String user : List.of("uu", "familie", "procesejer")) {
            assertThat(new WebSession(port).loggedInAs(user).get("/statistik").statusCode()).as(user).isEqualTo(403);
            assertThat(new WebSession(port).loggedInAs(user).get("/statistik/tal.csv").statusCode()).as(user).isEqualTo(403);
        }
        assertThat(new WebSession(port).get("/statistik").statusCode()).isEqualTo(302);

        WebSession leader = new WebSession(port).loggedInAs("leder");
        HttpResponse<String> home = leader.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/statistik");
        assertThat(new WebSession(port).loggedInAs("koordinator").get("/").statusCode()).isEqualTo(200);

        HttpResponse<String> refused = leader.get("/statistik?from=2026-02-30&to=2026-01-01&department=NOWHERE");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"err-from\"", "id=\"err-department\"", "aria-invalid=\"true\"");
        HttpResponse<String> download = leader.get("/statistik/tal.csv?from=" + Route.today().minusDays(30));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment", ".csv");
        assertThat(download.body()).startsWith("\uFEFFfigure;key;measure;value;label\n").contains("casesByStage;SPARRING;count;");
    }

    private ResponseEntity<String> csv(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        headers.set(HttpHeaders.ACCEPT, "text/csv");
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
