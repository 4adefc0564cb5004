package dk.tvaers.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Timings of one kind of work: how many, and their 50th, 95th and 99th percentiles in milliseconds. */
final class Samples {

    private final List<Double> millis = new ArrayList<>();

    /** Work that is timed; it throws when its answer is wrong, so a fast wrong answer is never counted. */
    interface Work {
        void run() throws Exception;
    }

    static Samples of(int rounds, Work work) throws Exception {
        work.run();
        Samples samples = new Samples();
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            work.run();
            samples.add((System.nanoTime() - start) / 1e6);
        }
        return samples;
    }

    synchronized void add(double ms) {
        millis.add(ms);
    }

    synchronized int count() {
        return millis.size();
    }

    synchronized double percentile(double p) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    Map<String, Object> json() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("samples", count());
        figures.put("p50_ms", round(percentile(50)));
        figures.put("p95_ms", round(percentile(95)));
        figures.put("p99_ms", round(percentile(99)));
        return figures;
    }

    @Override
    public String toString() {
        return String.format("p50 %.1f / p95 %.1f / p99 %.1f ms (n=%d)", percentile(50), percentile(95), percentile(99), count());
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
