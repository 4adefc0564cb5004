package dk.tvaers.rules;

import java.util.List;

/** What the rules concluded for one case on one day, and which rules fired. */
public record Evaluation(int ruleSetVersion, List<Suggestion> suggestions, List<Alarm> alarms, List<String> firedRules) {

    public Evaluation {
        suggestions = List.copyOf(suggestions);
        alarms = List.copyOf(alarms);
        firedRules = List.copyOf(firedRules);
    }
}
