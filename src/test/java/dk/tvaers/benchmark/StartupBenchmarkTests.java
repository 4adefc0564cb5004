package dk.tvaers.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Startup against a bare Camunda Spring Boot application ({@code bench.bare.BareCamundaApplication}: the same
 * class path, nothing of Tværs), each started as its own JVM on an empty H2 database, in turns, and stopped once
 * started. Prints Spring's own "Started … in N seconds" and the wall time until that line; asserts only that both
 * started. Run alone: {@code ./mvnw -Pbenchmark test -Dtest=StartupBenchmarkTests}. Figures in docs/performance.md.
 */
@Tag("benchmark")
class StartupBenchmarkTests {

    static final int RUNS = Integer.getInteger("benchmark.startups", 3);
    private static final Pattern STARTED = Pattern.compile("Started (\\w+) in ([0-9.]+) seconds");

    @Test
    void tvaersStartsAlmostAsFastAsABareCamundaApplication() throws Exception {
        List<Double> bare = new ArrayList<>();
        List<Double> tvaers = new ArrayList<>();
        Path processes = Path.of("processes").toAbsolutePath();
        Path rules = Path.of("rules").toAbsolutePath();
        for (int run = 0; run < RUNS; run++) {
            bare.add(start("bench.bare.BareCamundaApplication", "--spring.flyway.enabled=false",
                    "--spring.datasource.url=jdbc:h2:mem:bare" + run, "--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password=admin"));
            tvaers.add(start("dk.tvaers.TvaersApplication", "--tvaers.processes.dir=" + processes, "--tvaers.rules.dir=" + rules));
        }
        bare.sort(null);
        tvaers.sort(null);
        double b = bare.get(bare.size() / 2);
        double t = tvaers.get(tvaers.size() / 2);
        System.out.printf("BENCHMARK startup (median of %d, Spring's own figure): bare Camunda %.1f s %s, Tværs %.1f s %s: ratio %.2f%n",
                RUNS, b, bare, t, tvaers, t / b);
    }

    /** Starts a main class in a JVM of its own in an empty folder; returns Spring's "Started … in" seconds. */
    private static double start(String main, String... args) throws Exception {
        Path folder = Files.createTempDirectory("startup-");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main, "--server.port=0"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        long began = System.nanoTime();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher started = STARTED.matcher(line);
                if (started.find()) {
                    System.out.printf("BENCHMARK startup %s: %s s (Spring), %.1f s wall until then%n", started.group(1), started.group(2),
                            (System.nanoTime() - began) / 1e9);
                    return Double.parseDouble(started.group(2));
                }
            }
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        assertThat(process.exitValue()).as(main + " never said it had started").isZero();
        throw new AssertionError(main + " never said it had started");
    }
}
