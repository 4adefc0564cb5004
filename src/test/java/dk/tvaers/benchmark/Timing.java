package dk.tvaers.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the benchmarks share: the median time of some rounds of work, and which database they run on. */
final class Timing {

    private Timing() {
    }

    /** The median of {@code rounds} runs of {@code work}, in milliseconds. */
    static double median(int rounds, Supplier<?> work) {
        List<Double> times = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            work.get();
            times.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    static boolean postgres(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName().equals("PostgreSQL")));
    }
}
