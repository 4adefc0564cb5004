package dk.tvaers.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.route.RouteDeployer;
import dk.tvaers.route.WaitingTimes;
import dk.tvaers.support.MentorStep;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The process owners' heatmap at scale: N cases' history on the route (every case through the consent,
 * most through the youth team, fewer on to the meeting, the internship and the follow-up, the last
 * step of each still running, durations spread from a seed) written in bulk into the engine's
 * {@code ACT_HI_ACTINST} for a copy of the route, then {@code WaitingTimes} timed over all of it and over
 * a quarter. The peers in the same run on the same rows: the engine's own statistics query (Cockpit's
 * counts per step, no durations: all that Camunda CE has), and the engine's API way to the same figures
 * (every finished historic activity instance loaded, percentiles in Java; only up to 500,000 rows, beyond
 * that it needs more heap than a node should spend). Prints figures, asserts only their shape. Run alone:
 * {@code ./mvnw -Pbenchmark test -Dtest=WaitingTimesBenchmarkTests -Dbenchmark.cases=100000} (H2) or with
 * {@code -Pbenchmark,postgres}. Figures go into docs/measurements.md.
 */
@TvaersTest
@Tag("benchmark")
class WaitingTimesBenchmarkTests {

    static final int CASES = Integer.getInteger("benchmark.cases", 10_000);
    static final int ROUNDS = Integer.getInteger("benchmark.rounds", 5);
    static final String KEY = "HeatBenchProcess";
    /** The route's steps in order, with their type and the median hours a visit takes. */
    static final String[][] STEPS = {{"Task_EvaluateReferral", "serviceTask", "0"}, {"registerConsent", "userTask", "60"},
            {"youthTeamSparring", "userTask", "200"}, {"CallActivity_NetworkMeeting", "callActivity", "400"},
            {"CallActivity_Internship", "callActivity", "1500"}, {"Timer_FollowUpDue", "intermediateTimer", "700"}, {"followUp", "userTask", "90"}};

    @Autowired JdbcTemplate jdbc;
    @Autowired RouteDeployer deployer;
    @Autowired RepositoryService repository;
    @Autowired HistoryService history;
    @Autowired WaitingTimes waitingTimes;

    @Test
    void theHeatmapOverEveryCasesHistory() {
        deployer.deploy(Map.of(KEY + ".bpmn", MentorStep.shipped().replace("\"CaseRouteProcess\"", "\"" + KEY + "\"").getBytes(StandardCharsets.UTF_8)));
        String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult().getId();
        long seeding = System.nanoTime();
        int rows = seed(definitionId, CASES, new Random(13));
        System.out.printf("BENCHMARK heatmap: seeded %d cases, %d activity instances in %.1f s%n", CASES, rows, (System.nanoTime() - seeding) / 1e9);
        if (Timing.postgres(jdbc)) {
            jdbc.execute("analyze");
        }

        long first = System.nanoTime();
        List<WaitingTimes.Step> steps = waitingTimes.of(definitionId, null, null);
        double firstTime = (System.nanoTime() - first) / 1e6;
        first = System.nanoTime();
        history.createHistoricActivityStatisticsQuery(definitionId).includeFinished().list();
        double firstCounts = (System.nanoTime() - first) / 1e6;
        // H2 keeps the result of a query it has answered until a table changes: the first calls are the ones without it.
        System.out.printf("BENCHMARK heatmap, first call: Tværs WaitingTimes %.0f ms, engine statistics query %.0f ms%n", firstTime, firstCounts);
        assertThat(steps).anySatisfy(s -> {
            assertThat(s.activityId()).isEqualTo("youthTeamSparring");
            assertThat(s.completed() + s.running()).isPositive();
            assertThat(s.p90Hours()).isGreaterThanOrEqualTo(s.medianHours());
        });
        long visits = steps.stream().mapToLong(s -> s.completed() + s.running()).sum();
        assertThat(visits).isEqualTo(rows);
        steps.stream().filter(s -> s.completed() + s.running() > 0).forEach(s -> System.out.printf(
                "BENCHMARK heatmap step %s: running %d, completed %d, median %.1f h, p90 %.1f h, running median %.1f h%n", s.activityId(),
                s.running(), s.completed(), s.medianHours() == null ? -1 : s.medianHours(), s.p90Hours() == null ? -1 : s.p90Hours(),
                s.runningMedianHours() == null ? -1 : s.runningMedianHours()));
        double all = Timing.median(ROUNDS, () -> waitingTimes.of(definitionId, null, null));
        double quarter = Timing.median(ROUNDS, () -> waitingTimes.of(definitionId, Route.today().minusDays(91), Route.today()));
        double counts = Timing.median(ROUNDS, () -> history.createHistoricActivityStatisticsQuery(definitionId).includeFinished().list());
        long counted = history.createHistoricActivityStatisticsQuery(definitionId).includeFinished().list().stream()
                .mapToLong(a -> a.getInstances() + a.getFinished()).sum();
        System.out.printf("BENCHMARK heatmap: the engine's statistics query counted %d visits%n", counted);
        System.out.printf("BENCHMARK heatmap, %d cases (%d rows), %s: Tværs WaitingTimes all history p50 %.0f ms, last quarter p50 %.0f ms; "
                        + "engine statistics query (counts only) p50 %.0f ms: ratio %.2f%n",
                CASES, rows, Timing.postgres(jdbc) ? "PostgreSQL" : "H2", all, quarter, counts, all / counts);
        if (rows <= 500_000) {
            long start = System.nanoTime();
            Map<String, List<Long>> durations = new HashMap<>();
            for (HistoricActivityInstance visit : history.createHistoricActivityInstanceQuery().processDefinitionId(definitionId).finished().list()) {
                durations.computeIfAbsent(visit.getActivityId(), k -> new ArrayList<>()).add(visit.getDurationInMillis());
            }
            durations.values().forEach(Collections::sort);
            double loaded = (System.nanoTime() - start) / 1e6;
            System.out.printf("BENCHMARK heatmap, %d cases: the engine's API way (every finished activity instance loaded, percentiles in Java) "
                    + "%.0f ms, one round: Tværs is %.1f× faster%n", CASES, loaded, loaded / all);
        } else {
            System.out.printf("BENCHMARK heatmap, %d cases: the engine's API way not run (%d rows would be loaded into the heap)%n", CASES, rows);
        }
    }

    /** Each case starts within the last year and goes some steps along the route; its last step is still running. */
    private int seed(String definitionId, int cases, Random random) {
        Instant now = Instant.now();
        List<Object[]> batch = new ArrayList<>();
        int rows = 0;
        String sql = "insert into ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_, ACT_ID_, "
                + "ACT_NAME_, ACT_TYPE_, START_TIME_, END_TIME_, DURATION_, ACT_INST_STATE_, SEQUENCE_COUNTER_) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        for (int c = 0; c < cases; c++) {
            String instance = UUID.randomUUID().toString();
            Instant at = now.minus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
            int reach = 1 + Math.min(STEPS.length - 1, (int) Math.abs(random.nextGaussian() * 3));
            for (int s = 0; s <= reach && s < STEPS.length; s++) {
                long hours = Long.parseLong(STEPS[s][2]);
                long millis = (long) (hours * 3_600_000L * Math.exp(random.nextGaussian() * 0.6));
                Instant end = at.plusMillis(millis);
                boolean running = s == reach || end.isAfter(now);
                batch.add(new Object[] {UUID.randomUUID().toString(), KEY, definitionId, instance, instance, instance, STEPS[s][0], STEPS[s][0],
                        STEPS[s][1], Timestamp.from(at), running ? null : Timestamp.from(end), running ? null : millis, running ? 0 : 4, s + 1});
                rows++;
                if (running) {
                    break;
                }
                at = end;
            }
            if (batch.size() >= 5_000) {
                jdbc.batchUpdate(sql, batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            jdbc.batchUpdate(sql, batch);
        }
        return rows;
    }
}
