package dk.tvaers.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.casefile.Flag;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import dk.tvaers.support.WebSession;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * How the inbox page answers with thousands of open tasks: prints figures, asserts only that the
 * pages are right (never a time; these machines are shared). Run alone: {@code ./mvnw -Pbenchmark test}
 * (H2) or {@code ./mvnw -Pbenchmark,postgres test}. Figures go into docs/measurements.md by hand.
 */
@TvaersTest
@Tag("benchmark")
class InboxBenchmarkTests {

    static final int CASES = Integer.getInteger("benchmark.cases", 5000);
    static final int ROUNDS = 30;

    @LocalServerPort int port;
    @Autowired Route route;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired javax.sql.DataSource dataSource;

    @Test
    void theInboxWithThousandsOfTasks() throws Exception {
        long seeding = System.nanoTime();
        Flag[] flags = Flag.values();
        for (int i = 0; i < CASES; i++) {
            route.refer("Benchmark " + i, 18 + i % 12, flags[i % flags.length], flags[(i * 7 + 3) % flags.length]);
        }
        System.out.printf("BENCHMARK seeded %d cases (one open task each) in %.1f s%n", CASES, (System.nanoTime() - seeding) / 1e9);
        if (postgres()) {
            // Right after a bulk load PostgreSQL still plans with the empty tables' statistics (seen: 7 s for the
            // first page); autovacuum analyzes within about a minute. Measure the running system, as after that.
            measure("first page before ANALYZE (stale statistics)", new WebSession(port).loggedInAs("koordinator"), "/indbakke", 3);
            jdbc.sql("analyze").update();
        }

        WebSession koordinator = new WebSession(port).loggedInAs("koordinator");
        WebSession uu = new WebSession(port).loggedInAs("uu");
        measure("first page, most urgent first (koordinator)", koordinator, "/indbakke");
        measure("page 40, by due date (koordinator)", koordinator, "/indbakke?sort=due&gp=40");
        measure("filtered: stage + department + alarm (koordinator)", koordinator,
                "/indbakke?stage=CONSENT&department=PSYCHIATRY&alarm=NO_COORDINATOR");
        measure("first page (uu: only consented cases)", uu, "/indbakke");
    }

    private boolean postgres() throws java.sql.SQLException {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        }
    }

    private static void measure(String label, WebSession session, String path) throws Exception {
        measure(label, session, path, ROUNDS);
    }

    private static void measure(String label, WebSession session, String path, int rounds) throws Exception {
        HttpResponse<String> warm = session.get(path);
        assertThat(warm.statusCode()).isEqualTo(200);
        assertThat(warm.body()).contains("<h1>Indbakke</h1>");
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            HttpResponse<String> page = session.get(path);
            millis.add((System.nanoTime() - start) / 1e6);
            assertThat(page.statusCode()).isEqualTo(200);
        }
        Collections.sort(millis);
        System.out.printf("BENCHMARK %-55s median %6.1f ms, p90 %6.1f ms, max %6.1f ms (%d rounds)%n", label,
                millis.get(rounds / 2), millis.get((int) (rounds * 0.9)), millis.get(rounds - 1), rounds);
    }
}
