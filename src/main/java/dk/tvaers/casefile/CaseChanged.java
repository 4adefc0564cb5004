package dk.tvaers.casefile;

/** Something changed in a case; rule evaluation listens to every kind of it. */
public sealed interface CaseChanged permits CaseFileEvents.CaseReferred, CaseFileEvents.FlagsChanged,
        CaseFileEvents.ConsentGiven, CaseFileEvents.ConsentWithdrawn, CaseFileEvents.EffortRecorded,
        CaseFileEvents.EffortMoved, CaseFileEvents.DepartmentDecided, CaseFileEvents.MeetingRecorded,
        CaseFileEvents.AgreementDone, CaseFileEvents.CoordinatorAssigned, CaseFileEvents.RouteStepReached,
        CaseFileEvents.CaseClosed {

    String caseId();
}
