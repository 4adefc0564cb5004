package dk.tvaers.caseview;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A case as API.md shows it. The CPR number appears only masked. */
public record CaseView(String id, String externalRef, Citizen citizen, String status, String stage, @Schema(nullable = true) LocalDate stageSince,
                @Schema(nullable = true) String coordinator, String referredBy, LocalDate referralDate, @Schema(nullable = true) String note, @Schema(nullable = true) String outcome,
                List<String> flags, ConsentView consent, List<DepartmentView> departments, List<AlarmView> alarms,
                List<EffortView> efforts, List<AgreementView> agreements, List<TaskRef> activeTasks) {

    public record Citizen(@Schema(nullable = true) String name, @Schema(nullable = true) String cprMasked, int age, @Schema(nullable = true) LocalDate birthDate) {}

    /** {@code status}: MISSING, GIVEN, WITHDRAWN, or INSUFFICIENT (a consent that shares nothing, {@code reason} says why). */
    public record ConsentView(@Schema(allowableValues = {"MISSING", "GIVEN", "WITHDRAWN", "INSUFFICIENT"}) String status,
                       @Schema(nullable = true) String givenBy, List<String> departments, @Schema(nullable = true) LocalDate givenOn,
                       @Schema(nullable = true) LocalDate withdrawnOn, @Schema(nullable = true) String reason) {}

    record Reason(String rule, String text) {}

    public record DepartmentView(String code, String name, String status, List<Reason> reasons, @Schema(nullable = true) LocalDate suggestedOn,
                          @Schema(nullable = true) LocalDate decidedOn, @Schema(nullable = true) String decidedBy, @Schema(nullable = true) String decisionReason) {}

    public record AlarmView(String code, String severity, LocalDate since, String rule, String text) {}

    public record EffortView(long id, String type, String name, String department, LocalDate requestedOn, @Schema(nullable = true) LocalDate startedOn,
                      @Schema(nullable = true) LocalDate endedOn, long waitingDays, String status, @Schema(nullable = true) String note) {}

    record AgreementView(long id, String text, @Schema(nullable = true) String owner, @Schema(nullable = true) LocalDate due, @Schema(nullable = true) LocalDate doneOn,
                         @Schema(allowableValues = {"OPEN", "OVERDUE", "DONE"}) String status,
                         @Schema(nullable = true, description = "Delmålet i borgerens plan, aftalen hører under") Long subGoalId) {}

    record TaskRef(String id, String taskKey, @Schema(nullable = true) String name, @Schema(nullable = true) String assignee, Instant created, @Schema(nullable = true) Instant due) {}
}
