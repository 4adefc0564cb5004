package dk.tvaers.caseview;

import dk.tvaers.casefile.Dimension;
import dk.tvaers.casefile.GoalStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * The citizen's one plan as the API and the pages show it ({@code GET /api/cases/{id}/plan}): the goals
 * in the citizen's words, each with the progression scores on the dimension it is measured on and its
 * sub-goals, the agreements under each sub-goal, and the agreements made without one.
 */
@Schema(name = "CitizenPlan")
public record PlanView(String caseId, List<GoalView> goals, List<CaseView.AgreementView> otherAgreements) {

    @Schema(name = "PlanGoal")
    public record GoalView(long id, String text, @Schema(nullable = true) Dimension dimension, GoalStatus status, LocalDate agreedOn,
                           @Schema(nullable = true, description = "Hvornår status sidst blev ændret") LocalDate statusOn,
                           @Schema(description = "Opfølgningernes scorer (1–10) på målets dimension, ældste først; tom uden dimension")
                           List<ScoreView> progression,
                           List<SubGoalView> subGoals) {}

    @Schema(name = "PlanSubGoal")
    public record SubGoalView(long id, String text, GoalStatus status, LocalDate agreedOn, @Schema(nullable = true) LocalDate statusOn,
                              List<CaseView.AgreementView> agreements) {}

    @Schema(name = "PlanScore")
    public record ScoreView(LocalDate date, int score) {}

    public boolean isEmpty() {
        return goals.isEmpty() && otherAgreements.isEmpty();
    }
}
