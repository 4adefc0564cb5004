package dk.tvaers.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles rule files into a {@link RuleSet}. DRL files ({@code .drl}), decision tables
 * ({@code .drl.xlsx}, {@code .drl.csv}, or plain {@code .xlsx}/{@code .csv}, renamed so Drools does
 * not silently skip them) and the threshold file ({@code thresholds.csv}).
 */
public final class RuleSetBuilder {

    private static final AtomicLong BUILDS = new AtomicLong();
    private static final String RESOURCES = "src/main/resources/";

    /** Reads every rule file below a folder, in a stable order. */
    public static List<RuleSource> readFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new RuleCompilationException(List.of(new RuleProblem(folder.toString(), 0,
                    "mappen med regler findes ikke (sæt tvaers.rules.dir)")));
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> isRuleFile(p.getFileName().toString()))
                    .sorted()
                    .map(p -> new RuleSource(folder.relativize(p).toString().replace('\\', '/'), read(p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isRuleFile(String name) {
        return name.endsWith(".drl") || name.endsWith(".xlsx") || name.endsWith(".xls") || name.endsWith(".csv");
    }

    /**
     * Compiles the sources.
     *
     * @throws RuleCompilationException with file, line and message for every problem
     */
    public static RuleSet build(List<RuleSource> sources, int version, String activatedBy, Instant at) {
        List<RuleSource> thresholdFiles = sources.stream().filter(RuleSource::isThresholdFile).toList();
        if (thresholdFiles.size() != 1) {
            throw new RuleCompilationException(List.of(new RuleProblem("alarms/thresholds.csv", 0,
                    "regelsættet skal have præcis én fil med grænser (thresholds.csv), fandt " + thresholdFiles.size())));
        }
        Thresholds thresholds = Thresholds.parse(thresholdFiles.get(0));
        return build(sources, thresholds, version, activatedBy, at);
    }

    /** Compiles the sources with the given thresholds in place of the threshold file's. */
    public static RuleSet build(List<RuleSource> sources, Thresholds thresholds, int version, String activatedBy, Instant at) {
        KieServices kie = KieServices.get();
        KieFileSystem files = kie.newKieFileSystem();
        ReleaseId releaseId = kie.newReleaseId("dk.tvaers", "rules", "1." + version + "." + BUILDS.incrementAndGet());
        files.generateAndWritePomXML(releaseId);
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleSource source : sources) {
            if (source.isThresholdFile()) {
                continue;
            }
            String kiePath = kiePath(source.name());
            if (kiePath == null) {
                problems.add(new RuleProblem(source.name(), 0, "ukendt filtype; brug .drl, .drl.xlsx, .drl.csv eller thresholds.csv"));
                continue;
            }
            files.write(RESOURCES + kiePath, source.content());
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        KieBuilder builder = kie.newKieBuilder(files).buildAll();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(new RuleProblem(sourceName(message.getPath(), sources), message.getLine(), message.getText().trim()));
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        var kieBase = kie.newKieContainer(releaseId).getKieBase();
        // The repository keeps every module it has built; this one lives on in the RuleSet alone.
        kie.getRepository().removeKieModule(releaseId);
        return new RuleSet(version, at, activatedBy, sources, thresholds, kieBase);
    }

    /** Warnings of a build, for the test that keeps the shipped rules clean. */
    public static List<RuleProblem> warnings(List<RuleSource> sources) {
        KieServices kie = KieServices.get();
        KieFileSystem files = kie.newKieFileSystem();
        for (RuleSource source : sources) {
            if (!source.isThresholdFile() && kiePath(source.name()) != null) {
                files.write(RESOURCES + kiePath(source.name()), source.content());
            }
        }
        return kie.newKieBuilder(files).buildAll().getResults().getMessages(Message.Level.WARNING).stream()
                .map(m -> new RuleProblem(sourceName(m.getPath(), sources), m.getLine(), m.getText().trim()))
                .toList();
    }

    /** Drools only reads decision tables named *.drl.xlsx / *.drl.csv; anything else it skips without a word. */
    static String kiePath(String name) {
        if (name.endsWith(".drl") || name.endsWith(".drl.xlsx") || name.endsWith(".drl.xls") || name.endsWith(".drl.csv")) {
            return name;
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xls") || name.endsWith(".csv")) {
            int dot = name.lastIndexOf('.');
            return name.substring(0, dot) + ".drl" + name.substring(dot);
        }
        return null;
    }

    private static String sourceName(String kiePath, List<RuleSource> sources) {
        if (kiePath == null) {
            return "(regelsæt)";
        }
        String path = kiePath.startsWith(RESOURCES) ? kiePath.substring(RESOURCES.length()) : kiePath;
        return sources.stream().map(RuleSource::name).filter(n -> path.equals(kiePath(n))).findFirst().orElse(path);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RuleSetBuilder() {
    }
}
