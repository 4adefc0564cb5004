package dk.tvaers.rules;

import java.util.List;

/**
 * Why a department is, or is not, suggested for a case: every rule that can suggest it, whether it
 * fired, and each of its conditions checked against the case's facts.
 */
public record Explanation(String department, boolean suggested, List<RuleExplanation> rules) {

    public Explanation {
        rules = List.copyOf(rules);
    }

    public record RuleExplanation(RuleInfo rule, boolean fired, List<Condition> conditions) {

        public RuleExplanation {
            conditions = List.copyOf(conditions);
        }

        /** The first condition the case fails: the nearest miss, or empty when the rule fired. */
        public java.util.Optional<Condition> firstFailing() {
            return conditions.stream().filter(c -> !c.holds()).findFirst();
        }
    }

    /**
     * One condition. {@code kind} FLAG: the case must have flag {@code required}; AGE_FROM and
     * AGE_UNDER: the citizen's age ({@code actual}) at least, or below, {@code required}; TEXT: a DRL
     * rule's own wording ({@code @conditions}).
     */
    public record Condition(Kind kind, String required, String actual, boolean holds) {}

    public enum Kind { FLAG, AGE_FROM, AGE_UNDER, TEXT }
}
