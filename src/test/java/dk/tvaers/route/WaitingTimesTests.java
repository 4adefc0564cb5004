package dk.tvaers.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.tvaers.support.Api;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The heatmap's figures against visits of known length (the engine's clock moved): the median and 90th
 * percentile of the time spent in a step, how many wait there now and for how long, the date range,
 * every step listed, the threshold where one applies; and who may ask.
 */
@TvaersTest
class WaitingTimesTests {

    @Autowired Api api;
    @Autowired RouteDeployer deployer;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired org.camunda.bpm.engine.RepositoryService repository;

    private static final String PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Heat" targetNamespace="http://tvaers.dk/bpmn">
              <bpmn:process id="HeatProbeProcess" name="Ventetider" isExecutable="true" camunda:historyTimeToLive="P30D">
                <bpmn:startEvent id="StartEvent_Heat" />
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Heat" targetRef="firstWait" />
                <bpmn:userTask id="firstWait" name="Første skridt" camunda:candidateGroups="coordinators">
                  <bpmn:extensionElements><camunda:formData /></bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="Flow_2" sourceRef="firstWait" targetRef="secondWait" />
                <bpmn:userTask id="secondWait" name="Andet skridt" camunda:candidateGroups="coordinators">
                  <bpmn:extensionElements><camunda:formData /></bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="Flow_3" sourceRef="secondWait" targetRef="neverReached" />
                <bpmn:userTask id="neverReached" name="Aldrig nået" camunda:candidateGroups="coordinators">
                  <bpmn:extensionElements><camunda:formData /></bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="Flow_4" sourceRef="neverReached" targetRef="EndEvent_Heat" />
                <bpmn:endEvent id="EndEvent_Heat" />
              </bpmn:process>
            </bpmn:definitions>
            """;

    /** The probe process's version; deployed by whichever test comes first. */
    private String probe() {
        deployer.deploy(Map.of("HeatProbeProcess.bpmn", PROCESS.getBytes(StandardCharsets.UTF_8)));
        return repository.createProcessDefinitionQuery().processDefinitionKey("HeatProbeProcess").latestVersion().singleResult().getId();
    }

    @AfterEach
    void clockBack() {
        Route.resetClock();
    }

    private static void at(Instant moment) {
        ClockUtil.setCurrentTime(Date.from(moment));
    }

    @Test
    void theStepsFiguresAreTheVisitsKnownLengths() {
        String definitionId = probe();
        Instant start = Route.today().minusDays(10).atTime(8, 0).atZone(dk.tvaers.ApplicationClock.MUNICIPAL_ZONE).toInstant();
        at(start);
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            instances.add(runtime.startProcessInstanceByKey("HeatProbeProcess").getId());
        }
        // Three leave the first step after 10, 20 and 30 hours; the fourth is still there.
        for (int i = 0; i < 3; i++) {
            at(start.plus(Duration.ofHours(10L * (i + 1))));
            tasks.complete(tasks.createTaskQuery().processInstanceId(instances.get(i)).singleResult().getId());
        }
        Instant now = start.plus(Duration.ofHours(50));
        at(now);

        JsonNode steps = api.get("procesejer", "/api/processes/" + definitionId + "/activities").body();
        Map<String, JsonNode> byId = new HashMap<>();
        steps.forEach(s -> byId.put(s.get("activityId").asText(), s));
        assertThat(byId).containsOnlyKeys("firstWait", "secondWait", "neverReached");

        JsonNode first = byId.get("firstWait");
        assertThat(first.get("name").asText()).isEqualTo("Første skridt");
        assertThat(first.get("type").asText()).isEqualTo("userTask");
        assertThat(first.get("completed").asLong()).isEqualTo(3);
        assertThat(first.get("running").asLong()).isEqualTo(1);
        assertThat(first.get("medianHours").asDouble()).isEqualTo(20.0);
        assertThat(first.get("p90Hours").asDouble()).isEqualTo(28.0);
        assertThat(first.get("runningMedianHours").asDouble()).isEqualTo(50.0);

        JsonNode second = byId.get("secondWait");
        assertThat(second.get("completed").asLong()).isZero();
        assertThat(second.get("medianHours").isNull()).isTrue();
        assertThat(second.get("running").asLong()).isEqualTo(3);
        assertThat(second.get("runningMedianHours").asDouble()).isEqualTo(30.0);

        JsonNode never = byId.get("neverReached");
        assertThat(never.get("running").asLong()).isZero();
        assertThat(never.get("completed").asLong()).isZero();
        assertThat(never.get("thresholdDays").isNull()).isTrue();

        // The date range bounds the completed visits: none ended before the day the first one did.
        LocalDate firstDone = LocalDate.ofInstant(start.plus(Duration.ofHours(10)), dk.tvaers.ApplicationClock.MUNICIPAL_ZONE);
        JsonNode before = api.get("procesejer", "/api/processes/" + definitionId + "/activities?to=" + firstDone.minusDays(1)).body();
        assertThat(before.get(0).get("completed").asLong() + before.get(1).get("completed").asLong() + before.get(2).get("completed").asLong()).isZero();
        JsonNode within = api.get("procesejer", "/api/processes/" + definitionId + "/activities?from=" + firstDone + "&to=" + Route.today()).body();
        assertThat(within.toString()).contains("\"activityId\":\"firstWait\"").contains("\"completed\":3");
    }

    @Test
    void theRoutesStepsCarryTheirAlarmThreshold() {
        String definitionId = api.get("procesejer", "/api/processes").body().findValues("versions").stream()
                .flatMap(v -> java.util.stream.StreamSupport.stream(v.spliterator(), false))
                .map(v -> v.get("definitionId").asText()).filter(id -> id.startsWith("CaseRouteProcess:")).findFirst().orElseThrow();
        JsonNode steps = api.get("procesejer", "/api/processes/" + definitionId + "/activities").body();
        Map<String, JsonNode> byId = new HashMap<>();
        steps.forEach(s -> byId.put(s.get("activityId").asText(), s));
        assertThat(byId.get("youthTeamSparring").get("thresholdCode").asText()).isEqualTo("WAIT_SPARRING");
        assertThat(byId.get("youthTeamSparring").get("thresholdDays").asInt()).isEqualTo(14);
        assertThat(byId.get("CallActivity_NetworkMeeting").get("thresholdDays").asInt()).isEqualTo(21);
        assertThat(byId).containsKey("Timer_FollowUpDue").doesNotContainKey("Gateway_ConsentGiven").doesNotContainKey("StartEvent_CaseReferred");
        // In the diagram's reading order, left to right.
        List<String> order = new ArrayList<>();
        steps.forEach(s -> order.add(s.get("activityId").asText()));
        assertThat(order).containsSubsequence("Task_EvaluateReferral", "registerConsent", "youthTeamSparring", "CallActivity_NetworkMeeting",
                "CallActivity_Internship", "Timer_FollowUpDue", "followUp", "Task_CloseCase");
        assertThat(steps.toString()).doesNotContainPattern("\\b\\d{6}-?\\d{4}\\b");
    }

    @Test
    void onlyProcessOwnersAskAndBadDatesAreRefused() {
        String definitionId = probe();
        String path = "/api/processes/" + definitionId + "/activities";
        for (String user : List.of("koordinator", "leder", "uu")) {
            assertThat(api.get(user, path).status()).as(user).isEqualTo(403);
        }
        assertThat(api.get("admin", path).status()).isEqualTo(200);
        Api.Response bad = api.get("procesejer", path + "?from=2026-13-01&to=2026-01-01");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").get(0).get("field").asText()).isEqualTo("from");
        Api.Response reversed = api.get("procesejer", path + "?from=2026-06-01&to=2026-01-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.body().get("errors").get(0).get("message").asText()).isEqualTo("Slutdatoen kan ikke ligge før startdatoen");
        assertThat(api.get("procesejer", "/api/processes/HeatProbeProcess:99:00000000-0000-0000-0000-000000000000/activities").status()).isEqualTo(404);
    }
}
