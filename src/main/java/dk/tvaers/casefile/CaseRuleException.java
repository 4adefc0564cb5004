package dk.tvaers.casefile;

import java.util.List;

/**
 * A change the case file refuses because it would break one of its rules; nothing is changed. Each
 * violation names the field of the request that breaks the rule and a bundle code ({@code input.<code>}),
 * or, without a field, a rule of the case's state ({@code rule.<code>}: answered 409 by the API). The API
 * and the pages map it; callers that collect every error of a request at once ask the same rules
 * beforehand ({@link Effort#datesProblems}, {@link Effort#moveProblems}).
 */
public class CaseRuleException extends RuntimeException {

    /** One broken rule: the field it concerns (null: the case's state), the bundle code and its arguments. */
    public record Violation(String field, String code, List<Object> args) {

        static Violation of(String field, String code, Object... args) {
            return new Violation(field, code, List.of(args));
        }
    }

    private final List<Violation> violations;

    public CaseRuleException(List<Violation> violations) {
        super(violations.stream().map(v -> (v.field() == null ? "" : v.field() + ": ") + v.code()).toList().toString());
        this.violations = List.copyOf(violations);
    }

    static CaseRuleException state(String code) {
        return new CaseRuleException(List.of(Violation.of(null, code)));
    }

    static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new CaseRuleException(violations);
        }
    }

    public List<Violation> violations() {
        return violations;
    }

    /** A rule of the case's state rather than of one field: answered as a conflict. */
    public boolean isStateRule() {
        return violations.stream().allMatch(v -> v.field() == null);
    }
}
