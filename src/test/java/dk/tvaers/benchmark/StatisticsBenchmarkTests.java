package dk.tvaers.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.casefile.Department;
import dk.tvaers.stats.Period;
import dk.tvaers.stats.Statistics;
import dk.tvaers.support.Route;
import dk.tvaers.demo.DemoHistory;
import dk.tvaers.support.TvaersTest;
import dk.tvaers.support.WebSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The leaders' figures at scale: N synthetic cases with a year of history ({@link DemoHistory}), then
 * {@link Statistics#report} timed over twelve months, over a quarter and for one department. The peer in the
 * same run on the same rows is the way without SQL aggregates: every row the figures are made from (the
 * cases, their stage events, efforts and alarms) loaded into the JVM and counted there, which is what a
 * report built on the entities would do (Camunda CE has no reports; Optimize is Enterprise). Prints figures,
 * asserts only their shape. Run alone: {@code ./mvnw -Pbenchmark test -Dtest=StatisticsBenchmarkTests
 * -Dbenchmark.cases=100000} (H2) or with {@code -Pbenchmark,postgres}. Figures go into docs/measurements.md.
 */
@TvaersTest
@Tag("benchmark")
class StatisticsBenchmarkTests {

    static final int CASES = Integer.getInteger("benchmark.cases", 10_000);
    static final int ROUNDS = Integer.getInteger("benchmark.rounds", 5);

    @Autowired JdbcTemplate jdbc;
    @Autowired Statistics statistics;
    @LocalServerPort int port;

    @Test
    void theLeadersFiguresOverEveryCase() throws Exception {
        long seeding = System.nanoTime();
        long rows = DemoHistory.write(jdbc, "BENCH-", CASES, 7, Route.today());
        System.out.printf("BENCHMARK stats: seeded %d cases, %d rows in %.1f s%n", CASES, rows, (System.nanoTime() - seeding) / 1e9);
        if (Timing.postgres(jdbc)) {
            jdbc.execute("analyze");
        }
        LocalDate today = Route.today();
        Period year = new Period(today.minusYears(1).plusDays(1), today, null);
        Period quarter = new Period(today.minusMonths(3).plusDays(1), today, null);
        Period department = new Period(year.from(), today, Department.HEALTH);

        long start = System.nanoTime();
        Statistics.Report report = statistics.report(year);
        double first = (System.nanoTime() - start) / 1e6;
        assertThat(report.activeCases().value() + report.keyFigures().closedCases().value()).isPositive();
        assertThat(report.waitingDaysByStage().get(dk.tvaers.casefile.Stage.SPARRING).median()).isNotNull();
        System.out.printf("BENCHMARK stats, first call (12 months): %.0f ms; active %s, closed %s, sparring median %s days%n", first,
                report.activeCases(), report.keyFigures().closedCases(), report.waitingDaysByStage().get(dk.tvaers.casefile.Stage.SPARRING).median());

        double all = Timing.median(ROUNDS, () -> statistics.report(year));
        double lastQuarter = Timing.median(ROUNDS, () -> statistics.report(quarter));
        double oneDepartment = Timing.median(ROUNDS, () -> statistics.report(department));

        // The dashboard as a leader opens it: two periods (the last three months and the three before), rendered; no cache in tests.
        WebSession leader = new WebSession(port).loggedInAs("leder");
        double page = Timing.median(ROUNDS, () -> {
            try {
                assertThat(leader.get("/statistik").statusCode()).isEqualTo(200);
                return null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        System.out.printf("BENCHMARK stats, the dashboard page /statistik over HTTP (two periods, not cached): p50 %.0f ms%n", page);

        start = System.nanoTime();
        Map<String, Long> counted = loadEverything();
        double loaded = (System.nanoTime() - start) / 1e6;
        System.out.printf("BENCHMARK stats: the peer loaded %d cases, %d stage events, %d efforts, %d alarms into the JVM%n",
                counted.get("cases"), counted.get("events"), counted.get("efforts"), counted.get("alarms"));
        System.out.printf("BENCHMARK stats, %d cases (%d rows), %s: Tværs report 12 months p50 %.0f ms, a quarter p50 %.0f ms, "
                        + "one department p50 %.0f ms (the dashboard asks for two periods); the peer (every row loaded, counted in Java) "
                        + "%.0f ms, one round: ratio %.2f%n",
                CASES, rows, Timing.postgres(jdbc) ? "PostgreSQL" : "H2", all, lastQuarter, oneDepartment, loaded, loaded / all);
    }

    /** The peer: the rows the figures come from, loaded and grouped in the JVM. */
    private Map<String, Long> loadEverything() {
        Map<String, Long> counted = new HashMap<>();
        Map<String, Long> byStage = new HashMap<>();
        jdbc.query("select id, status, stage, referral_date, outcome, closed_on from case_file", rs -> {
            byStage.merge(rs.getString(3), 1L, Long::sum);
            counted.merge("cases", 1L, Long::sum);
        });
        Map<String, List<java.sql.Date>> stays = new HashMap<>();
        jdbc.query("select case_id, event_type, subject, occurred_on from case_event where event_type in ('REFERRED', 'STAGE', 'CLOSED')", rs -> {
            stays.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getDate(4));
            counted.merge("events", 1L, Long::sum);
        });
        stays.values().forEach(Collections::sort);
        jdbc.query("select effort_type, requested_on, started_on from effort", rs -> {
            counted.merge("efforts", 1L, Long::sum);
        });
        jdbc.query("select code, raised_on, cleared_on from case_alarm", rs -> {
            counted.merge("alarms", 1L, Long::sum);
        });
        return counted;
    }

}
