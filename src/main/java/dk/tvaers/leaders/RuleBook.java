package dk.tvaers.leaders;

import dk.tvaers.alarms.RuleFirings;
import dk.tvaers.rules.RuleEngine;
import dk.tvaers.rules.RuleInfo;
import dk.tvaers.rules.RuleSet;
import dk.tvaers.rules.RuleSources;
import dk.tvaers.rules.RuleVersions;
import dk.tvaers.rules.SuggestionTable;
import dk.tvaers.rules.Threshold;
import dk.tvaers.security.CaseAccessPolicy;
import dk.tvaers.security.CurrentUser;
import dk.tvaers.web.Texts;
import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * The rules as leaders read them: the active version with every rule described in plain language,
 * its threshold and how often it fired, and the version history. Who may change them.
 */
@Service
public class RuleBook {

    /** The group that tunes the rules, beside the administrators. */
    public static final String LEADERS = "leaders";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public record SourceView(@Schema(description = "Filens navn; hent den med GET /api/rules/sources/{name}") String name,
                             @Schema(description = "Stien under rules/") String path, String sha256) {}

    public record RuleView(String name, String source, @Schema(allowableValues = {"SUGGESTION", "ALARM"}) String kind,
                           @Schema(description = "Hvad reglen ser på og gør, på dansk") String description,
                           @Schema(nullable = true, description = "Alarmkoden for den grænse, reglen læser") String threshold,
                           @Schema(nullable = true, description = "Grænsen i dage") Integer thresholdDays,
                           @Schema(nullable = true, description = "Afdelingen, et forslag gælder") String department,
                           int firedLast30Days) {}

    public record ThresholdView(String code, int days, String severity, String description) {}

    public record RuleSetView(int version, Instant activatedAt, String activatedBy, String comment, List<SourceView> sources,
                              Map<String, Integer> thresholds, List<RuleView> rules) {}

    public record VersionView(int version, Instant createdAt, String createdBy, String comment, boolean active, List<SourceView> sources) {}

    private final RuleEngine engine;
    private final RuleVersions versions;
    private final RuleFirings firings;
    private final RuleTexts texts;

    RuleBook(RuleEngine engine, RuleVersions versions, RuleFirings firings, RuleTexts texts) {
        this.engine = engine;
        this.versions = versions;
        this.firings = firings;
        this.texts = texts;
    }

    public static boolean mayChange(CurrentUser user) {
        return user.isMemberOf(LEADERS) || user.isMemberOf(CaseAccessPolicy.ADMIN_GROUP);
    }

    public RuleSetView active(Texts language) {
        RuleSet ruleSet = engine.active();
        Optional<RuleVersions.Activation> activation = versions.current();
        Map<String, Integer> fired = firings.last30Days();
        List<RuleView> rules = new ArrayList<>();
        for (RuleInfo rule : ruleSet.rules()) {
            Threshold threshold = rule.threshold() == null ? null : ruleSet.thresholds().get(rule.threshold());
            rules.add(new RuleView(rule.name(), rule.source(), rule.kind().name(), texts.describe(rule, language), rule.threshold(),
                    threshold == null ? null : threshold.days(), rule.department(), fired.getOrDefault(rule.name(), 0)));
        }
        return new RuleSetView(ruleSet.version(), activation.map(RuleVersions.Activation::activatedAt).orElse(ruleSet.activatedAt()),
                activation.map(RuleVersions.Activation::activatedBy).orElse(ruleSet.activatedBy()),
                activation.map(RuleVersions.Activation::comment).orElse(""), sources(ruleSet), ruleSet.thresholds().days(), rules);
    }

    public List<ThresholdView> thresholds() {
        return engine.active().thresholds().all().stream()
                .map(t -> new ThresholdView(t.code(), t.days(), t.severity(), t.description())).toList();
    }

    public List<VersionView> versions() {
        int active = engine.active().version();
        return versions.history().stream()
                .map(v -> new VersionView(v.version(), v.createdAt(), v.createdBy(), v.comment(), v.version() == active,
                        v.sources().stream().map(s -> new SourceView(RuleSources.fileName(s.name()), s.name(), s.sha256())).toList()))
                .toList();
    }

    /** Every table rule of the active version, by its file: the page shows the table as it is. */
    public Map<String, List<SuggestionTable.TableRule>> tables() {
        Map<String, List<SuggestionTable.TableRule>> tables = new LinkedHashMap<>();
        engine.active().rules().stream().filter(r -> r.tableRule() != null)
                .forEach(r -> tables.computeIfAbsent(RuleSources.fileName(r.source()), f -> new ArrayList<>()).add(r.tableRule()));
        tables.values().forEach(rows -> rows.sort(java.util.Comparator.comparingInt(SuggestionTable.TableRule::row)));
        return tables;
    }

    /** A source file of a rule set as a download, by its file name: a table as the spreadsheet it was uploaded as. */
    public static Optional<ResponseEntity<byte[]>> download(RuleSet ruleSet, String name) {
        return RuleSources.find(name, ruleSet.sources()).map(source -> {
            String fileName = RuleSources.fileName(source.name());
            String type = fileName.endsWith(".xlsx") ? XLSX : fileName.endsWith(".csv") ? "text/csv;charset=UTF-8" : "text/plain;charset=UTF-8";
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                    .body(source.content());
        });
    }

    private static List<SourceView> sources(RuleSet ruleSet) {
        return ruleSet.sources().stream().map(s -> new SourceView(RuleSources.fileName(s.name()), s.name(), s.sha256())).toList();
    }
}
