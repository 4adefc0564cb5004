package dk.tvaers.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.definition.type.Description;

/**
 * What a compiled rule set says about its rules: which file each rule is in, what kind it is (by its
 * package), and the metadata leaders read. In DRL, {@code @description("…")} says in plain Danish
 * what the rule looks at and does, {@code @thresholdCode("CODE")} names the threshold an alarm
 * rule reads, {@code @suggests("CODE")} the department a suggestion rule suggests and
 * {@code @conditions("…|…")} its conditions in the order of its patterns. (A key spelled like an
 * imported class, {@code @threshold} beside {@code Threshold}, is read by Drools as that class;
 * {@code @description} it keeps under the name of its own {@link Description}.)
 */
final class DrlRules {

    static final Set<String> PACKAGES = Set.of("suggestions", "alarms");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);

    static String packageOf(String drl) {
        Matcher m = PACKAGE.matcher(drl);
        return m.find() ? m.group(1) : "";
    }

    static int packageLine(String drl) {
        Matcher m = PACKAGE.matcher(drl);
        return m.find() ? lineOf(drl, m.start(1)) : 1;
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    static List<RuleInfo> describe(KieBase kieBase, List<RuleSource> sources, List<SuggestionTable.TableRule> tableRules) {
        Map<String, SuggestionTable.TableRule> fromTable = tableRules.stream()
                .collect(Collectors.toMap(SuggestionTable.TableRule::rule, Function.identity(), (a, b) -> a));
        List<RuleInfo> rules = new ArrayList<>();
        for (String packageName : List.of("suggestions", "alarms")) {
            var kiePackage = kieBase.getKiePackage(packageName);
            if (kiePackage == null) {
                continue;
            }
            RuleInfo.Kind kind = packageName.equals("alarms") ? RuleInfo.Kind.ALARM : RuleInfo.Kind.SUGGESTION;
            for (Rule rule : kiePackage.getRules()) {
                SuggestionTable.TableRule row = fromTable.get(rule.getName());
                if (row != null) {
                    rules.add(new RuleInfo(rule.getName(), row.source(), kind, null, null, row.department().name(), row, List.of()));
                    continue;
                }
                Map<String, Object> meta = rule.getMetaData();
                String conditions = text(meta.get("conditions"));
                rules.add(new RuleInfo(rule.getName(), sourceOf(rule.getName(), sources), kind, text(meta.getOrDefault("description", meta.get(Description.class.getName()))),
                        text(meta.get("thresholdCode")), text(meta.get("suggests")), null,
                        conditions == null ? List.of() : List.of(conditions.split("\\|"))));
            }
        }
        rules.sort(java.util.Comparator.comparing(RuleInfo::kind).thenComparing(RuleInfo::source).thenComparing(RuleInfo::name));
        return rules;
    }

    /** Every threshold an alarm rule names exists. */
    static List<RuleProblem> checkThresholds(List<RuleInfo> rules, Thresholds thresholds, List<RuleSource> sources) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleInfo rule : rules) {
            if (rule.threshold() != null && thresholds.get(rule.threshold()) == null) {
                problems.add(new RuleProblem(rule.source(), lineOfRule(rule.name(), sources),
                        "reglen '" + rule.name() + "' læser grænsen " + rule.threshold() + ", som ikke findes i thresholds.csv"));
            }
        }
        return problems;
    }

    private static int lineOfRule(String name, List<RuleSource> sources) {
        return whereIs(name, sources).map(Where::line).orElse(0);
    }

    private static String sourceOf(String name, List<RuleSource> sources) {
        return whereIs(name, sources).map(Where::file).orElse("");
    }

    private record Where(String file, int line) {}

    /** The DRL file and line where a rule of this name starts. */
    private static java.util.Optional<Where> whereIs(String name, List<RuleSource> sources) {
        for (RuleSource source : sources) {
            if (source.name().endsWith(".drl")) {
                Matcher m = RULE.matcher(source.text());
                while (m.find()) {
                    if (m.group(1).equals(name)) {
                        return java.util.Optional.of(new Where(source.name(), lineOf(source.text(), m.start(1))));
                    }
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text.isEmpty() ? null : text;
    }

    private DrlRules() {
    }
}
