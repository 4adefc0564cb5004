package dk.tvaers.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A case as API.md shows it. The CPR number appears only masked. */
record CaseView(String id, String externalRef, Citizen citizen, String status, String stage, LocalDate stageSince,
                String coordinator, String referredBy, LocalDate referralDate, String note, String outcome,
                List<String> flags, ConsentView consent, List<DepartmentView> departments, List<AlarmView> alarms,
                List<EffortView> efforts, List<AgreementView> agreements, List<TaskRef> activeTasks) {

    record Citizen(String name, String cprMasked, int age, LocalDate birthDate) {}

    record ConsentView(String status, String givenBy, List<String> departments, LocalDate givenOn, LocalDate withdrawnOn) {}

    record Reason(String rule, String text) {}

    record DepartmentView(String code, String name, String status, List<Reason> reasons, LocalDate suggestedOn,
                          LocalDate decidedOn, String decidedBy, String decisionReason) {}

    record AlarmView(String code, String severity, LocalDate since, String rule, String text) {}

    record EffortView(long id, String type, String name, String department, LocalDate requestedOn, LocalDate startedOn,
                      LocalDate endedOn, long waitingDays, String status, String note) {}

    record AgreementView(long id, String text, String owner, LocalDate due, LocalDate doneOn, String status) {}

    record TaskRef(String id, String taskKey, String name, String assignee, Instant created, Instant due) {}
}
