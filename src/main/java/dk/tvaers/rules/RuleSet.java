package dk.tvaers.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/** A compiled, immutable rule set: the rule files, the thresholds, and the knowledge base. */
public final class RuleSet {

    /** A rule that fires more often than this in one evaluation is stopped: a loop, not a rule. */
    private static final int MAX_FIRINGS = 10_000;

    private final int version;
    private final Instant activatedAt;
    private final String activatedBy;
    private final List<RuleSource> sources;
    private final Thresholds thresholds;
    private final KieBase kieBase;
    private final List<RuleInfo> rules;
    /** The probe rules "why not" compiled for this set's DRL rules. */
    private final DrlProbes probes = new DrlProbes();

    RuleSet(int version, Instant activatedAt, String activatedBy, List<RuleSource> sources, Thresholds thresholds, KieBase kieBase,
            List<RuleInfo> rules) {
        this.version = version;
        this.activatedAt = activatedAt;
        this.activatedBy = activatedBy;
        this.sources = List.copyOf(sources);
        this.thresholds = thresholds;
        this.kieBase = kieBase;
        this.rules = List.copyOf(rules);
    }

    /** The same compiled rules as another version: a candidate that was stored and activated. */
    RuleSet as(int version, Instant activatedAt, String activatedBy) {
        return new RuleSet(version, activatedAt, activatedBy, sources, thresholds, kieBase, rules);
    }

    public int version() { return version; }
    public Instant activatedAt() { return activatedAt; }
    public String activatedBy() { return activatedBy; }
    public List<RuleSource> sources() { return sources; }
    public Thresholds thresholds() { return thresholds; }
    /** Every rule, suggestions first, by file and name. */
    public List<RuleInfo> rules() { return rules; }

    public java.util.Optional<RuleInfo> rule(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** Rule names per DRL package, sorted; for tests and the leaders' view. */
    public List<String> ruleNames(String packageName) {
        var kiePackage = kieBase.getKiePackage(packageName);
        if (kiePackage == null) {
            return List.of();
        }
        return kiePackage.getRules().stream().map(org.kie.api.definition.rule.Rule::getName).sorted().toList();
    }

    /** Evaluates one case in a fresh session: nothing carries over between cases or days. */
    public Evaluation evaluate(CaseSnapshot snapshot) {
        KieSession session = kieBase.newKieSession();
        List<String> fired = new ArrayList<>();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getName());
                }
            });
            thresholds.all().forEach(session::insert);
            snapshot.facts().forEach(session::insert);
            session.fireAllRules(MAX_FIRINGS);
            List<Suggestion> suggestions = session.getObjects(Suggestion.class::isInstance).stream()
                    .map(Suggestion.class::cast)
                    .sorted(Comparator.comparing(Suggestion::department).thenComparing(Suggestion::rule))
                    .toList();
            List<Alarm> alarms = session.getObjects(Alarm.class::isInstance).stream()
                    .map(Alarm.class::cast)
                    .sorted(Comparator.comparing(Alarm::code).thenComparing(Alarm::subject))
                    .toList();
            return new Evaluation(version, suggestions, alarms, fired);
        } finally {
            session.dispose();
        }
    }

    /**
     * Why a department is or is not suggested for the case: each suggestion rule for the department,
     * whether it fired, and its conditions checked on the case (a table's row in Java, a DRL rule's by
     * {@link DrlProbes}).
     */
    public Explanation explain(CaseSnapshot snapshot, String department) {
        Evaluation evaluation = evaluate(snapshot);
        List<Explanation.RuleExplanation> explained = new ArrayList<>();
        for (RuleInfo rule : rules) {
            if (rule.kind() != RuleInfo.Kind.SUGGESTION || !department.equals(rule.department())) {
                continue;
            }
            boolean fired = evaluation.suggestions().stream().anyMatch(s -> s.rule().equals(rule.name()) && s.department().equals(department));
            explained.add(new Explanation.RuleExplanation(rule, fired, conditions(rule, snapshot, fired)));
        }
        boolean suggested = evaluation.suggestions().stream().anyMatch(s -> s.department().equals(department));
        return new Explanation(department, suggested, explained);
    }

    private List<Explanation.Condition> conditions(RuleInfo rule, CaseSnapshot snapshot, boolean fired) {
        CaseFacts facts = snapshot.caseFacts();
        List<Explanation.Condition> conditions = new ArrayList<>();
        SuggestionTable.TableRule row = rule.tableRule();
        if (row != null) {
            if (row.flag() != null) {
                conditions.add(new Explanation.Condition(Explanation.Kind.FLAG, row.flag().name(), String.valueOf(facts.hasFlag(row.flag().name())),
                        facts.hasFlag(row.flag().name())));
            }
            if (row.ageFrom() != null) {
                conditions.add(new Explanation.Condition(Explanation.Kind.AGE_FROM, String.valueOf(row.ageFrom()), String.valueOf(facts.age()),
                        facts.age() >= row.ageFrom()));
            }
            if (row.ageUnder() != null) {
                conditions.add(new Explanation.Condition(Explanation.Kind.AGE_UNDER, String.valueOf(row.ageUnder()), String.valueOf(facts.age()),
                        facts.age() < row.ageUnder()));
            }
            return conditions;
        }
        String drl = sources.stream().filter(s -> s.name().equals(rule.source())).map(RuleSource::text).findFirst().orElse("");
        List<Boolean> holds;
        if (fired) {
            holds = DrlProbes.conditionsOf(drl, rule.name()).stream().map(c -> true).toList();
        } else {
            List<Object> all = new ArrayList<>(thresholds.all());
            all.addAll(snapshot.facts());
            holds = probes.check(drl, rule.name(), all);
        }
        for (int i = 0; i < holds.size(); i++) {
            String text = i < rule.conditions().size() ? rule.conditions().get(i) : DrlProbes.conditionsOf(drl, rule.name()).get(i);
            conditions.add(new Explanation.Condition(Explanation.Kind.TEXT, text, null, holds.get(i)));
        }
        return conditions;
    }
}
