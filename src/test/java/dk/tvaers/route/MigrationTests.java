package dk.tvaers.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.tvaers.casefile.ConsentGiver;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.Flag;
import dk.tvaers.inbox.TaskForm;
import dk.tvaers.support.Api;
import dk.tvaers.support.Batches;
import dk.tvaers.support.MentorStep;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Running cases moved from the shipped route to the route with "Samtale med mentor" and back, over the
 * API: the plan, the dry run (a case at the mentor step cannot go back to a version without it, with the
 * engine's reason), the engine's batch (its jobs run here as the job executor would), the progress, and
 * the cases going on along the new version.
 */
@TvaersTest
class MigrationTests {

    @Autowired Api api;
    @Autowired Route route;
    @Autowired RouteDeployer deployer;
    @Autowired RepositoryService repository;
    @Autowired ManagementService management;

    @AfterEach
    void theShippedRouteServesNewCasesAgain() {
        deployer.deploy(Map.of(MentorStep.FILE, MentorStep.shipped().getBytes(StandardCharsets.UTF_8)));
    }

    private String latest() {
        return repository.createProcessDefinitionQuery().processDefinitionKey("CaseRouteProcess").latestVersion().singleResult().getId();
    }

    private String caseWithConsent(String name) {
        String caseId = route.refer(name, 22, Flag.SOCIAL_ISOLATION).id();
        route.complete(caseId, "koordinator", new TaskForm.RegisterConsent(true, ConsentGiver.CITIZEN, Set.of(Department.SOCIAL), Route.today()));
        return caseId;
    }

    private String definitionOf(String caseId) {
        return route.routeOf(caseId).getProcessDefinitionId();
    }

    @Test
    void runningCasesMoveToTheNewVersionAndGoOnAlongIt() {
        String shipped = latest();
        String atConsent = route.refer("Flyt Samtykke", 22, Flag.SOCIAL_ISOLATION).id();
        String atSparring = caseWithConsent("Flyt Sparring");
        deployer.deploy(Map.of(MentorStep.FILE, MentorStep.route().getBytes(StandardCharsets.UTF_8)));
        String mentor = latest();
        assertThat(mentor).isNotEqualTo(shipped);

        Api.Response plan = api.post("procesejer", "/api/processes/migrations", Map.of("sourceDefinitionId", shipped, "targetDefinitionId", mentor,
                "dryRun", true, "caseIds", List.of(atConsent, atSparring)));
        assertThat(plan.status()).as(plan.raw()).isEqualTo(200);
        assertThat(plan.body().get("instances").asInt()).isEqualTo(2);
        assertThat(plan.body().get("canMigrate").asInt()).isEqualTo(2);
        assertThat(plan.body().get("cannot")).isEmpty();
        assertThat(plan.body().get("plan").toString()).contains("{\"sourceActivityId\":\"registerConsent\",\"targetActivityId\":\"registerConsent\"}")
                .contains("{\"sourceActivityId\":\"youthTeamSparring\",\"targetActivityId\":\"youthTeamSparring\"}");
        assertThat(definitionOf(atConsent)).as("a dry run moves nothing").isEqualTo(shipped);

        Api.Response started = api.post("procesejer", "/api/processes/migrations", Map.of("sourceDefinitionId", shipped, "targetDefinitionId", mentor,
                "caseIds", List.of(atConsent, atSparring)));
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        String migrationId = started.body().get("migrationId").asText();
        JsonNode running = api.get("procesejer", "/api/processes/migrations/" + migrationId).body();
        assertThat(running.get("state").asText()).isEqualTo("RUNNING");
        assertThat(running.get("total").asInt()).isEqualTo(2);
        assertThat(running.get("migrated").asInt()).isZero();

        Batches.run(management);
        JsonNode done = api.get("procesejer", "/api/processes/migrations/" + migrationId).body();
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.get("migrated").asInt()).isEqualTo(2);
        assertThat(done.get("failed")).isEmpty();
        assertThat(definitionOf(atConsent)).isEqualTo(mentor);
        assertThat(definitionOf(atSparring)).isEqualTo(mentor);

        // On the new version, the consent leads to the mentor step; the case at the youth team stays there, its task unchanged.
        route.complete(atConsent, "koordinator", new TaskForm.RegisterConsent(true, ConsentGiver.CITIZEN, Set.of(Department.SOCIAL), Route.today()));
        assertThat(route.openTasks(atConsent)).extracting(t -> t.getTaskDefinitionKey()).containsExactly(MentorStep.TASK_KEY);
        assertThat(route.openTasks(atSparring)).extracting(t -> t.getTaskDefinitionKey()).containsExactly("youthTeamSparring");
        assertThat(api.get("procesejer", "/api/processes/migrations/" + migrationId).raw()).doesNotContain("Flyt Samtykke")
                .doesNotContainPattern("\\b\\d{6}-?\\d{4}\\b");
    }

    @Test
    void aCaseAtAStepTheTargetLacksCannotMoveAndSaysWhy() {
        deployer.deploy(Map.of(MentorStep.FILE, MentorStep.route().getBytes(StandardCharsets.UTF_8)));
        String mentor = latest();
        String atMentor = caseWithConsent("Bliv Mentor");
        String atConsent = route.refer("Bliv Samtykke", 22, Flag.SOCIAL_ISOLATION).id();
        deployer.deploy(Map.of(MentorStep.FILE, MentorStep.shipped().getBytes(StandardCharsets.UTF_8)));
        String shipped = latest();

        Api.Response plan = api.post("procesejer", "/api/processes/migrations", Map.of("sourceDefinitionId", mentor, "targetDefinitionId", shipped,
                "dryRun", true, "caseIds", List.of(atMentor, atConsent)));
        assertThat(plan.status()).as(plan.raw()).isEqualTo(200);
        assertThat(plan.body().get("instances").asInt()).isEqualTo(2);
        assertThat(plan.body().get("canMigrate").asInt()).isEqualTo(1);
        JsonNode cannot = plan.body().get("cannot").get(0);
        assertThat(cannot.get("caseId").asText()).isEqualTo(atMentor);
        assertThat(cannot.get("activityId").asText()).isEqualTo(MentorStep.TASK_KEY);
        assertThat(cannot.get("reason").asText()).isEqualTo("sagen står ved et trin, som den nye version ikke har (intet trin med samme id)");
        assertThat(plan.raw()).doesNotContain("Bliv Mentor");

        Api.Response refused = api.post("procesejer", "/api/processes/migrations", Map.of("sourceDefinitionId", mentor, "targetDefinitionId", shipped,
                "caseIds", List.of(atMentor)));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        assertThat(refused.body().get("errors").get(0).get("message").asText()).contains("ingen af de 1 kørende sager kan flyttes");
        assertThat(definitionOf(atMentor)).isEqualTo(mentor);
    }

    @Test
    void onlyProcessOwnersMoveCasesAndBadRequestsAreRefused() {
        String shipped = latest();
        Map<String, Object> body = Map.of("sourceDefinitionId", shipped, "targetDefinitionId", shipped, "dryRun", true);
        for (String user : List.of("koordinator", "leder", "uu")) {
            assertThat(api.post(user, "/api/processes/migrations", body).status()).as(user).isEqualTo(403);
        }
        assertThat(api.post("procesejer", "/api/processes/migrations", body).status()).isEqualTo(422);
        assertThat(api.post("procesejer", "/api/processes/migrations", Map.of("sourceDefinitionId", "x y", "dryRun", "ja")).status()).isEqualTo(400);
        assertThat(api.post("procesejer", "/api/processes/migrations", Map.of("sourceDefinitionId", shipped,
                "targetDefinitionId", "CaseRouteProcess:99:00000000-0000-0000-0000-000000000000", "dryRun", true)).status()).isEqualTo(404);
        assertThat(api.get("procesejer", "/api/processes/migrations/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
    }
}
