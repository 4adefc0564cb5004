package dk.tvaers.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.tvaers.support.Api;
import dk.tvaers.support.CamundaWebappSession;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The engine's doors as an attacker tries them: every demo user (and nobody) against the engine's
 * REST API and the webapps' engine API, for the writes and reads the grant table ({@link EngineGrants},
 * docs/security.md) allows or refuses. Statuses in the order of {@link #USERS}.
 */
@TvaersTest
class EngineDoorsTests {

    private static final List<String> USERS = List.of("anonymous", "koordinator", "ungeteam", "virksomhed", "uu", "familie", "misbrug",
            "leder", "procesejer", "admin");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired TestRestTemplate http;
    @Autowired Api api;
    @Autowired Route route;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired RepositoryService repository;
    @Autowired org.camunda.bpm.engine.HistoryService history;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    private String processInstanceId;
    private String jobId;
    private String sweepJobId;
    private final List<String> createdUsers = new ArrayList<>();

    @BeforeEach
    void aRunningCase() {
        processInstanceId = route.routeOf(route.refer("Dør Test", 20).id()).getId();
        // The engine's own job: its authorization check skips jobs of no process definition, so the door must keep it.
        jobId = history.findHistoryCleanupJobs().get(0).getId();
        sweepJobId = management.createJobQuery().processDefinitionKey("AlarmSweepProcess").timers().list().get(0).getId();
        ensureUser("doortest-member");
    }

    @AfterEach
    void removeWhatTheAdministratorCreated() {
        createdUsers.forEach(identity::deleteUser);
        identity.deleteMembership("doortest-member", "camunda-admin");
        repository.createDeploymentQuery().deploymentName("doors-probe").list()
                .forEach(d -> repository.deleteDeployment(d.getId(), true));
    }

    private record Row(String what, HttpMethod method, Supplier<String> path, Supplier<HttpEntity<?>> body, int... expected) {}

    private static final int[] ENGINE_ONLY_ADMIN = {401, 403, 403, 403, 403, 403, 403, 403, 403, 0};

    @Test
    void theEngineRestApiAnswersEachRoleAsTheGrantTableSays() {
        List<Row> rows = List.of(
                new Row("engine list", HttpMethod.GET, () -> "/engine-rest/engine", () -> null, 401, 403, 403, 403, 403, 403, 403, 403, 200, 200),
                new Row("read definitions", HttpMethod.GET, () -> "/engine-rest/process-definition", () -> null, 401, 403, 403, 403, 403, 403, 403, 403, 200, 200),
                new Row("read instances", HttpMethod.GET, () -> "/engine-rest/process-instance?processInstanceIds=" + processInstanceId, () -> null,
                        401, 403, 403, 403, 403, 403, 403, 403, 200, 200),
                new Row("read history", HttpMethod.GET, () -> "/engine-rest/history/process-instance?processInstanceId=" + processInstanceId,
                        () -> null, 401, 403, 403, 403, 403, 403, 403, 403, 200, 200),
                new Row("read incidents", HttpMethod.GET, () -> "/engine-rest/incident", () -> null, 401, 403, 403, 403, 403, 403, 403, 403, 200, 200),
                new Row("create a user", HttpMethod.POST, () -> "/engine-rest/user/create", this::newUserBody, with(ENGINE_ONLY_ADMIN, 204)),
                new Row("join camunda-admin", HttpMethod.PUT, () -> "/engine-rest/group/camunda-admin/members/doortest-member", () -> null,
                        with(ENGINE_ONLY_ADMIN, 204)),
                new Row("write an authorization", HttpMethod.POST, () -> "/engine-rest/authorization/create", this::authorizationBody,
                        with(ENGINE_ONLY_ADMIN, 200)),
                new Row("read variable values", HttpMethod.GET, () -> "/engine-rest/process-instance/" + processInstanceId + "/variables",
                        () -> null, with(ENGINE_ONLY_ADMIN, 200)),
                new Row("deploy a process", HttpMethod.POST, () -> "/engine-rest/deployment/create", this::deploymentBody, with(ENGINE_ONLY_ADMIN, 200)),
                new Row("run history cleanup", HttpMethod.POST, () -> "/engine-rest/job/" + jobId + "/execute", () -> null, with(ENGINE_ONLY_ADMIN, -1)),
                new Row("run the alarm sweep's timer", HttpMethod.POST, () -> "/engine-rest/job/" + sweepJobId + "/execute", () -> null,
                        with(ENGINE_ONLY_ADMIN, -1)),
                new Row("set a job's retries", HttpMethod.PUT, () -> "/engine-rest/job/" + jobId + "/retries", () -> jsonEntity(Map.of("retries", 5)),
                        with(ENGINE_ONLY_ADMIN, -1)),
                new Row("modify an instance", HttpMethod.POST, () -> "/engine-rest/process-instance/" + processInstanceId + "/modification",
                        this::modificationBody, with(ENGINE_ONLY_ADMIN, 204)));
        List<String> mismatches = new ArrayList<>();
        for (Row row : rows) {
            for (int i = 0; i < USERS.size(); i++) {
                int expected = row.expected()[i];
                if (expected == -1) {
                    continue; // the administrator's run of a real job is left out: it would run the alarm sweep for every test's cases
                }
                String user = USERS.get(i).equals("anonymous") ? null : USERS.get(i);
                int status = call(user, row.method(), row.path().get(), row.body().get());
                if (status != expected) {
                    mismatches.add(row.what() + " (" + row.method() + " " + row.path().get() + ") as " + USERS.get(i) + ": expected " + expected
                            + ", got " + status);
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(call("admin", HttpMethod.POST, "/engine-rest/job/no-such-job/execute", null)).as("the administrator may run jobs").isEqualTo(404);
    }

    @Test
    void aProcessOwnerSeesProcessesButNoVariableValuesAndNoOtherUsers() throws Exception {
        assertThat(body("procesejer", "/engine-rest/process-instance?processInstanceIds=" + processInstanceId)).hasSize(1);
        assertThat(body("procesejer", "/engine-rest/variable-instance?processInstanceIdIn=" + processInstanceId)).isEmpty();
        assertThat(body("admin", "/engine-rest/variable-instance?processInstanceIdIn=" + processInstanceId)).isNotEmpty();
        JsonNode users = body("procesejer", "/engine-rest/user");
        assertThat(users).hasSize(1);
        assertThat(users.get(0).get("id").asText()).isEqualTo("procesejer");
        assertThat(body("procesejer", "/engine-rest/authorization")).allSatisfy(a ->
                assertThat(a.get("userId").asText()).as("only the authorization of his own user").isEqualTo("procesejer"));
    }

    /** The escalation found from outside: a process owner made himself administrator. It must fail at the first step. */
    @Test
    void aProcessOwnerCannotMakeHimselfAdministrator() throws Exception {
        int created = call("procesejer", HttpMethod.POST, "/engine-rest/user/create", userBody("escalation-test"));
        assertThat(created).isEqualTo(403);
        assertThat(identity.createUserQuery().userId("escalation-test").count()).isZero();
        assertThat(call("procesejer", HttpMethod.PUT, "/engine-rest/group/camunda-admin/members/procesejer", null)).isEqualTo(403);
        assertThat(identity.createUserQuery().userId("procesejer").memberOfGroup("camunda-admin").count()).isZero();
        assertThat(call("procesejer", HttpMethod.POST, "/engine-rest/authorization/create", authorizationBody())).isEqualTo(403);
        assertThat(api.get("procesejer", "/api/audit").status()).isEqualTo(403);
    }

    @Test
    void eachWebappLetsInOnlyTheGroupsTheTableGrantsIt() throws Exception {
        Map<String, int[]> expected = Map.of(
                "tasklist", new int[] {200, 200, 200, 403, 403, 403, 403, 403, 200},
                "cockpit", new int[] {403, 403, 403, 403, 403, 403, 403, 200, 200},
                "admin", new int[] {403, 403, 403, 403, 403, 403, 403, 403, 200});
        List<String> mismatches = new ArrayList<>();
        expected.forEach((app, statuses) -> {
            for (int i = 1; i < USERS.size(); i++) {
                try {
                    int status = new CamundaWebappSession(port).login(app, USERS.get(i), USERS.get(i));
                    if (status != statuses[i - 1]) {
                        mismatches.add(app + " as " + USERS.get(i) + ": expected " + statuses[i - 1] + ", got " + status);
                    }
                } catch (Exception e) {
                    mismatches.add(app + " as " + USERS.get(i) + ": " + e);
                }
            }
        });
        assertThat(mismatches).isEmpty();
        assertThat(new CamundaWebappSession(port).get("/camunda/api/engine/engine/default/user").statusCode()).isEqualTo(401);
    }

    /** A coordinator's Tasklist session reaches the webapps' engine API: it sees the route's tasks and nothing else. */
    @Test
    void aCoordinatorInTasklistReadsTheRoutesTasksAndChangesNothing() throws Exception {
        CamundaWebappSession tasklist = new CamundaWebappSession(port);
        assertThat(tasklist.login("tasklist", "koordinator", "koordinator")).isEqualTo(200);
        String engine = "/camunda/api/engine/engine/default";
        JsonNode tasks = json.readTree(tasklist.get(engine + "/task?processInstanceId=" + processInstanceId).body());
        assertThat(tasks).hasSize(1);
        String taskId = tasks.get(0).get("id").asText();
        JsonNode users = json.readTree(tasklist.get(engine + "/user").body());
        assertThat(users).hasSize(1);
        assertThat(json.readTree(tasklist.get(engine + "/authorization/check?permissionName=CREATE&resourceName=group%20membership"
                + "&resourceType=3&resourceId=camunda-admin").body()).get("authorized").asBoolean()).isFalse();
        assertThat(tasklist.send("POST", engine + "/user/create", "application/json", json.writeValueAsString(userBody("tasklist-test")))
                .statusCode()).isEqualTo(403);
        assertThat(tasklist.send("PUT", engine + "/group/camunda-admin/members/koordinator", null, null).statusCode()).isEqualTo(403);
        assertThat(tasklist.get(engine + "/process-instance/" + processInstanceId + "/variables").statusCode()).isEqualTo(403);
        assertThat(tasklist.send("POST", engine + "/task/" + taskId + "/claim", "application/json", "{\"userId\":\"koordinator\"}")
                .statusCode()).as("claiming in Tasklist would pass Tværs's own checks by").isEqualTo(403);
        assertThat(tasklist.send("POST", engine + "/task/" + taskId + "/complete", "application/json", "{}").statusCode()).isEqualTo(403);
        assertThat(tasklist.send("POST", engine + "/job/" + jobId + "/execute", null, null).statusCode()).isEqualTo(403);
        assertThat(tasklist.send("POST", engine + "/job/" + sweepJobId + "/execute", null, null).statusCode()).isEqualTo(403);
        assertThat(identity.createUserQuery().userId("koordinator").memberOfGroup("camunda-admin").count()).isZero();
    }

    @Test
    void aProcessOwnerInCockpitCannotTouchIdentitiesOrVariables() throws Exception {
        CamundaWebappSession cockpit = new CamundaWebappSession(port);
        assertThat(cockpit.login("cockpit", "procesejer", "procesejer")).isEqualTo(200);
        String engine = "/camunda/api/engine/engine/default";
        assertThat(cockpit.get(engine + "/process-definition?key=CaseRouteProcess").body()).contains("CaseRouteProcess");
        assertThat(cockpit.send("POST", engine + "/user/create", "application/json", json.writeValueAsString(userBody("cockpit-test")))
                .statusCode()).isEqualTo(403);
        assertThat(cockpit.send("PUT", engine + "/group/camunda-admin/members/procesejer", null, null).statusCode()).isEqualTo(403);
        assertThat(cockpit.get(engine + "/process-instance/" + processInstanceId + "/variables").statusCode()).isEqualTo(403);
        assertThat(cockpit.send("POST", engine + "/job/" + jobId + "/execute", null, null).statusCode()).isEqualTo(403);
        assertThat(cockpit.send("POST", engine + "/process-instance/" + processInstanceId + "/modification", "application/json",
                json.writeValueAsString(modificationBody().getBody())).statusCode()).isEqualTo(403);
    }

    @Test
    void tvaersOwnFeaturesRunAsTheApplication() {
        // The whole suite runs with the engine's authorizations on; this is the short proof: a department user, who has no
        // grant in the engine at all, claims and completes nothing, but the coordinator's inbox works through Tværs.
        String caseId = api.post("koordinator", "/api/cases", Map.of("externalRef", "DOORS-" + System.nanoTime(),
                "citizen", Map.of("cpr", Route.cprForAge(25), "name", "Dør Test"), "referredBy", "JOBCENTER",
                "referralDate", Route.today().toString(), "flags", List.of("DEBT"))).body().get("id").asText();
        JsonNode tasks = api.get("koordinator", "/api/tasks?caseId=" + caseId).body();
        assertThat(tasks).hasSize(1);
        assertThat(api.post("koordinator", "/api/tasks/" + tasks.get(0).get("id").asText() + "/claim", null).status()).isEqualTo(204);
    }

    private int call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, user);
        }
        HttpEntity<?> entity;
        if (body instanceof HttpEntity<?> given) {
            given.getHeaders().forEach((name, values) -> headers.put(name, values));
            entity = new HttpEntity<>(given.getBody(), headers);
        } else {
            if (body != null) {
                headers.setContentType(MediaType.APPLICATION_JSON);
            }
            entity = new HttpEntity<>(body, headers);
        }
        return http.exchange(path, method, entity, String.class).getStatusCode().value();
    }

    private JsonNode body(String user, String path) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        var response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    private HttpEntity<?> newUserBody() {
        String id = "doortest-" + SEQUENCE.incrementAndGet();
        createdUsers.add(id);
        return jsonEntity(userBody(id));
    }

    private static Map<String, Object> userBody(String id) {
        return Map.of("profile", Map.of("id", id, "firstName", "Dør", "lastName", "Test", "email", id + "@tvaers.example"),
                "credentials", Map.of("password", "hemmelig-" + id));
    }

    private HttpEntity<?> authorizationBody() {
        return jsonEntity(Map.of("type", 1, "permissions", List.of("ALL"), "userId", "doortest-member", "resourceType", 0,
                "resourceId", "doors-" + SEQUENCE.incrementAndGet()));
    }

    private HttpEntity<?> modificationBody() {
        return jsonEntity(Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "registerConsent"))));
    }

    private HttpEntity<?> deploymentBody() {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    id="probe" targetNamespace="http://tvaers.dk/test">
                  <bpmn:process id="DoorsProbe" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="start"/>
                  </bpmn:process>
                </bpmn:definitions>""";
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "doors-probe");
        form.add("data", new ByteArrayResource(bpmn.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "probe.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(form, headers);
    }

    private HttpEntity<?> jsonEntity(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static int[] with(int[] statuses, int admin) {
        int[] copy = statuses.clone();
        copy[copy.length - 1] = admin;
        return copy;
    }

    private void ensureUser(String id) {
        if (identity.createUserQuery().userId(id).singleResult() == null) {
            User user = identity.newUser(id);
            user.setPassword("rigtig-kode-" + id);
            identity.saveUser(user);
        }
    }
}
