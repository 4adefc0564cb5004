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

    RuleSet(int version, Instant activatedAt, String activatedBy, List<RuleSource> sources, Thresholds thresholds, KieBase kieBase) {
        this.version = version;
        this.activatedAt = activatedAt;
        this.activatedBy = activatedBy;
        this.sources = List.copyOf(sources);
        this.thresholds = thresholds;
        this.kieBase = kieBase;
    }

    public int version() { return version; }
    public Instant activatedAt() { return activatedAt; }
    public String activatedBy() { return activatedBy; }
    public List<RuleSource> sources() { return sources; }
    public Thresholds thresholds() { return thresholds; }

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
}
