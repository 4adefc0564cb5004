package dk.tvaers.casefile;

import java.util.Set;

/** The events the case file publishes, past tense, one per kind of change. */
public final class CaseFileEvents {

    private CaseFileEvents() {
    }

    public record CaseReferred(String caseId, String externalRef) implements CaseChanged {}
    public record FlagsChanged(String caseId, Set<Flag> flags) implements CaseChanged {}
    public record ConsentGiven(String caseId, Set<Department> departments) implements CaseChanged {}
    public record ConsentWithdrawn(String caseId) implements CaseChanged {}
    public record EffortRecorded(String caseId, Long effortId) implements CaseChanged {}
    public record EffortMoved(String caseId, Long effortId) implements CaseChanged {}
    public record DepartmentDecided(String caseId, Department department, InvolvementStatus status) implements CaseChanged {}
    public record MeetingRecorded(String caseId, MeetingKind kind) implements CaseChanged {}
    public record AgreementDone(String caseId, Long agreementId) implements CaseChanged {}
    public record CoordinatorAssigned(String caseId, String coordinator) implements CaseChanged {}
    public record RouteStepReached(String caseId, Stage stage) implements CaseChanged {}
    public record CaseClosed(String caseId, Outcome outcome) implements CaseChanged {}

    /** The case's personal data has been removed; other modules remove theirs (not a change the rules evaluate). */
    public record CaseAnonymised(String caseId) {}
}
