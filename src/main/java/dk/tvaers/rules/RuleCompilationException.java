package dk.tvaers.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that does not compile; the previous good version stays active. */
public class RuleCompilationException extends RuntimeException {

    private final List<RuleProblem> problems;

    public RuleCompilationException(List<RuleProblem> problems) {
        super("Reglerne kan ikke oversættes:\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
