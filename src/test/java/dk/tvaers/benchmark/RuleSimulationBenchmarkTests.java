package dk.tvaers.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.alarms.CaseEvaluation;
import dk.tvaers.alarms.RuleSimulation;
import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.casefile.Flag;
import dk.tvaers.casefile.Stage;
import dk.tvaers.rules.CaseSnapshot;
import dk.tvaers.rules.RuleEngine;
import dk.tvaers.rules.RuleSet;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What-if on every active case: how long a leader waits for the answer to "WAIT_SPARRING 14 → 10".
 * Case files are written in bulk with JDBC (flags, stages, ages and requested efforts spread from a
 * seed; no route, which the simulation does not read). Prints figures, asserts only the answer's
 * shape. The peer in the same run: the two rule sets evaluated on the same facts with nothing read
 * from the database (bare Drools), so the figures show what reading the cases costs. Run alone:
 * {@code ./mvnw -Pbenchmark test -Dtest=RuleSimulationBenchmarkTests -Dbenchmark.cases=10000} (H2)
 * or with {@code -Pbenchmark,postgres}. Figures go into docs/measurements.md.
 */
@TvaersTest
@Tag("benchmark")
class RuleSimulationBenchmarkTests {

    static final int CASES = Integer.getInteger("benchmark.cases", 10_000);
    static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);

    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired RuleEngine engine;
    @Autowired RuleSimulation simulation;
    @Autowired CaseEvaluation evaluation;
    @Autowired CaseFiles caseFiles;

    @Test
    void whatIfOnEveryActiveCase() {
        long seeding = System.nanoTime();
        seed(CASES, new Random(12));
        System.out.printf("BENCHMARK seeded %d case files in %.1f s%n", CASES, (System.nanoTime() - seeding) / 1e9);
        if (postgres()) {
            jdbc.execute("analyze");
        }
        RuleSet base = engine.active();
        RuleSet candidate = engine.withThresholds(Map.of("WAIT_SPARRING", 10)).ruleSet();

        List<Double> whatIf = new ArrayList<>();
        RuleSimulation.Result result = null;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            result = simulation.simulate(base, candidate, c -> false);
            whatIf.add((System.nanoTime() - start) / 1e6);
        }
        assertThat(result.casesEvaluated()).isGreaterThanOrEqualTo(CASES);
        assertThat(result.alarmsAdded().get("WAIT_SPARRING")).isPositive();
        assertThat(result.cases()).isEmpty();

        // The peer: the same evaluations on facts already in memory.
        LocalDate today = Route.today();
        List<CaseSnapshot> snapshots = new ArrayList<>();
        List<String> ids = caseFiles.activeCaseIds();
        long reading = System.nanoTime();
        for (int from = 0; from < ids.size(); from += 200) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + 200));
            transaction.executeWithoutResult(s -> batch.forEach(id -> caseFiles.find(id).ifPresent(c -> snapshots.add(evaluation.snapshot(c, today)))));
        }
        double readMillis = (System.nanoTime() - reading) / 1e6;
        List<Double> bare = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            for (CaseSnapshot snapshot : snapshots) {
                base.evaluate(snapshot);
                candidate.evaluate(snapshot);
            }
            bare.add((System.nanoTime() - start) / 1e6);
        }
        double median = median(whatIf);
        double peer = median(bare);
        System.out.printf("BENCHMARK what-if on %d active cases: median %.0f ms (%.2f ms a case), rounds %s; answer: %d cases changed, WAIT_SPARRING +%d%n",
                result.casesEvaluated(), median, median / result.casesEvaluated(), whatIf, result.casesChanged(), result.alarmsAdded().get("WAIT_SPARRING"));
        System.out.printf("BENCHMARK peer, bare Drools, both rule sets on the same %d snapshots in memory: median %.0f ms (%.2f ms a case); "
                        + "reading them once: %.0f ms; what-if / bare = %.1f%n",
                snapshots.size(), peer, peer / snapshots.size(), readMillis, median / peer);
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("BENCHMARK heap in use after: %d MB%n", (runtime.totalMemory() - runtime.freeMemory()) / 1024 / 1024);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private boolean postgres() {
        return Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName().equals("PostgreSQL")));
    }

    /** N active case files across the stages before the network meeting and after, with flags and efforts. */
    private void seed(int n, Random random) {
        LocalDate today = Route.today();
        Stage[] stages = {Stage.REFERRAL, Stage.CONSENT, Stage.SPARRING, Stage.NETWORK_MEETING, Stage.INTERNSHIP, Stage.FOLLOW_UP};
        Flag[] flags = Flag.values();
        Timestamp now = Timestamp.from(java.time.Instant.now());
        int batchSize = 1000;
        for (int from = 0; from < n; from += batchSize) {
            List<Object[]> cases = new ArrayList<>();
            List<Object[]> caseFlags = new ArrayList<>();
            List<Object[]> efforts = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + batchSize); i++) {
                String id = UUID.nameUUIDFromBytes(("bench-" + i).getBytes()).toString();
                int age = 16 + random.nextInt(14);
                LocalDate referred = today.minusDays(random.nextInt(40));
                Stage stage = stages[random.nextInt(stages.length)];
                cases.add(new Object[] {id, "BENCH-" + i, "%064d".formatted(i), "Benchmark " + i, "%010d".formatted(i),
                        Date.valueOf(today.minusYears(age).minusDays(random.nextInt(300))), "JOBCENTER", Date.valueOf(referred),
                        "ACTIVE", stage.name(), Date.valueOf(referred.plusDays(random.nextInt(5))), random.nextInt(4) == 0 ? null : "koordinator", now});
                int flagCount = 1 + random.nextInt(3);
                java.util.Set<Flag> chosen = new java.util.HashSet<>();
                while (chosen.size() < flagCount) {
                    chosen.add(flags[random.nextInt(flags.length)]);
                }
                chosen.forEach(f -> caseFlags.add(new Object[] {id, f.name()}));
                if (random.nextInt(3) == 0) {
                    efforts.add(new Object[] {id, "PSYCHOLOGIST", "HEALTH", Date.valueOf(referred.plusDays(1))});
                }
            }
            transaction.executeWithoutResult(s -> {
                jdbc.batchUpdate("insert into case_file (id, external_ref, referral_digest, citizen_name, cpr, birth_date, referred_by, referral_date,"
                        + " status, stage, stage_since, coordinator, created_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", cases);
                jdbc.batchUpdate("insert into case_flag (case_id, flag) values (?, ?)", caseFlags);
                jdbc.batchUpdate("insert into effort (case_id, effort_type, department, requested_on) values (?, ?, ?, ?)", efforts);
            });
        }
    }
}
