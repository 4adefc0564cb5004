package dk.tvaers.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles rule files into a {@link RuleSet}: DRL files ({@code .drl}), the leaders' suggestion
 * tables ({@code .xlsx}/{@code .csv}, see {@link SuggestionTable}), Drools decision tables for
 * developers ({@code .drl.xlsx}, {@code .drl.csv}: Drools skips any other name without a word) and
 * the threshold file ({@code thresholds.csv}).
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
        Map<String, SuggestionTable.Generated> tables = new LinkedHashMap<>();
        List<SuggestionTable.TableRule> tableRules = new ArrayList<>();
        Map<String, String> byFileName = new LinkedHashMap<>();
        for (RuleSource source : sources) {
            String earlier = byFileName.putIfAbsent(RuleSources.fileName(source.name()), source.name());
            if (earlier != null) {
                problems.add(new RuleProblem(source.name(), 0, "to filer hedder " + RuleSources.fileName(source.name()) + " (også " + earlier + ")"));
            }
            if (source.isThresholdFile()) {
                continue;
            }
            if (SuggestionTable.isTable(source.name())) {
                try {
                    List<SuggestionTable.TableRule> rows = SuggestionTable.parse(source);
                    tableRules.addAll(rows);
                    SuggestionTable.Generated generated = SuggestionTable.drl(rows);
                    tables.put(RESOURCES + tablePath(source.name()), generated);
                    files.write(RESOURCES + tablePath(source.name()), generated.drl());
                } catch (RuleCompilationException e) {
                    problems.addAll(e.problems());
                }
                continue;
            }
            String kiePath = kiePath(source.name());
            if (kiePath == null) {
                problems.add(new RuleProblem(source.name(), 0, "ukendt filtype; brug .drl, .xlsx eller .csv (forslagstabel), .drl.xlsx eller thresholds.csv"));
                continue;
            }
            if (kiePath.endsWith(".drl")) {
                String packageName = DrlRules.packageOf(source.text());
                if (!DrlRules.PACKAGES.contains(packageName)) {
                    problems.add(new RuleProblem(source.name(), DrlRules.packageLine(source.text()),
                            "pakken skal være 'suggestions' (forslag) eller 'alarms' (alarmer), ikke '" + packageName + "'"));
                }
            }
            files.write(RESOURCES + kiePath, source.content());
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        KieBuilder builder = kie.newKieBuilder(files).buildAll();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            SuggestionTable.Generated table = message.getPath() == null ? null : tables.get(message.getPath());
            if (table != null) {
                String name = sources.stream().map(RuleSource::name).filter(n -> message.getPath().equals(RESOURCES + tablePath(n))).findFirst().orElseThrow();
                problems.add(new RuleProblem(name, table.rowOf(message.getLine()), message.getText().trim()));
            } else {
                problems.add(new RuleProblem(sourceName(message.getPath(), sources), message.getLine(), message.getText().trim()));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        var kieBase = kie.newKieContainer(releaseId).getKieBase();
        // The repository keeps every module it has built; this one lives on in the RuleSet alone.
        kie.getRepository().removeKieModule(releaseId);
        List<RuleInfo> rules = DrlRules.describe(kieBase, sources, tableRules);
        List<RuleProblem> thresholdProblems = DrlRules.checkThresholds(rules, thresholds, sources);
        if (!thresholdProblems.isEmpty()) {
            throw new RuleCompilationException(thresholdProblems);
        }
        return new RuleSet(version, at, activatedBy, sources, thresholds, kieBase, rules);
    }

    /** Where a suggestion table's generated DRL goes in the knowledge base. */
    private static String tablePath(String name) {
        return name.substring(0, name.lastIndexOf('.')) + ".table.drl";
    }

    /** Warnings of a build, for the test that keeps the shipped rules clean. */
    public static List<RuleProblem> warnings(List<RuleSource> sources) {
        KieServices kie = KieServices.get();
        KieFileSystem files = kie.newKieFileSystem();
        for (RuleSource source : sources) {
            if (!source.isThresholdFile() && !SuggestionTable.isTable(source.name()) && kiePath(source.name()) != null) {
                files.write(RESOURCES + kiePath(source.name()), source.content());
            }
        }
        return kie.newKieBuilder(files).buildAll().getResults().getMessages(Message.Level.WARNING).stream()
                .map(m -> new RuleProblem(sourceName(m.getPath(), sources), m.getLine(), m.getText().trim()))
                .toList();
    }

    /** Drools only reads decision tables named *.drl.xlsx / *.drl.csv; anything else it skips without a word, so it is refused here. */
    static String kiePath(String name) {
        if (name.endsWith(".drl") || name.endsWith(".drl.xlsx") || name.endsWith(".drl.xls") || name.endsWith(".drl.csv")) {
            return name;
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
