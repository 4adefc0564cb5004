package dk.tvaers.casefile;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The citizen's one plan, read off the case file: each goal with the follow-ups' scores on the
 * dimension it is measured on, its sub-goals and the agreements made under each; the agreements made
 * without a sub-goal apart. Every department that may see the case sees this same plan.
 */
public record CitizenPlan(List<PlanGoal> goals, List<Agreement> otherAgreements) {

    /** A goal, its progression (oldest first; empty without a dimension) and its sub-goals. */
    public record PlanGoal(Goal goal, List<Score> progression, List<PlanSubGoal> subGoals) {}

    /** A sub-goal and the agreements under it, in the order they were made. */
    public record PlanSubGoal(Goal subGoal, List<Agreement> agreements) {}

    /** One follow-up's score on a goal's dimension. */
    public record Score(LocalDate on, int score) {}

    public static CitizenPlan of(CaseFile caseFile) {
        return of(caseFile, agreement -> true);
    }

    /** The plan with only the agreements {@code shown} keeps (a meeting's minutes show the meeting's own). */
    public static CitizenPlan of(CaseFile caseFile, Predicate<Agreement> shown) {
        List<Agreement> agreements = caseFile.agreements().stream().filter(shown).toList();
        List<PlanGoal> goals = caseFile.goals().stream().filter(g -> !g.isSubGoal()).map(goal -> new PlanGoal(goal,
                goal.dimension().map(d -> caseFile.progression().stream().filter(p -> p.dimension() == d)
                        .sorted(Comparator.comparing(ProgressionScore::recordedOn))
                        .map(p -> new Score(p.recordedOn(), p.score())).toList()).orElse(List.of()),
                caseFile.goals().stream().filter(s -> goal.id().equals(s.parentId().orElse(null)))
                        .map(sub -> new PlanSubGoal(sub, agreements.stream().filter(a -> sub.id().equals(a.subGoalId().orElse(null))).toList()))
                        .toList()))
                .toList();
        List<Long> subGoalIds = caseFile.goals().stream().filter(Goal::isSubGoal).map(Goal::id).toList();
        List<Agreement> others = agreements.stream().filter(a -> a.subGoalId().filter(subGoalIds::contains).isEmpty()).toList();
        return new CitizenPlan(goals, others);
    }

    public boolean isEmpty() {
        return goals.isEmpty() && otherAgreements.isEmpty();
    }

    /** The sub-goals still worked on, for a new agreement to be made under. */
    public List<Goal> activeSubGoals() {
        return goals.stream().filter(g -> g.goal().status() == GoalStatus.ACTIVE).flatMap(g -> g.subGoals().stream())
                .map(PlanSubGoal::subGoal).filter(s -> s.status() == GoalStatus.ACTIVE).toList();
    }
}
