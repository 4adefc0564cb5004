package dk.tvaers.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Something a department does for the citizen; waiting time runs from request to start. */
@Entity
@Table(name = "effort")
public class Effort {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(name = "effort_type")
    private EffortType type;
    @Enumerated(EnumType.STRING)
    private Department department;
    private LocalDate requestedOn;
    private LocalDate startedOn;
    private LocalDate endedOn;
    private String note;

    protected Effort() {
    }

    Effort(EffortType type, Department department, LocalDate requestedOn, LocalDate startedOn, LocalDate endedOn, String note) {
        CaseRuleException.throwIfAny(datesProblems(requestedOn, startedOn, endedOn));
        this.type = type;
        this.department = department;
        this.requestedOn = requestedOn;
        this.startedOn = startedOn;
        this.endedOn = endedOn;
        this.note = note;
    }

    public Long id() { return id; }
    public EffortType type() { return type; }
    public Department department() { return department; }
    public LocalDate requestedOn() { return requestedOn; }
    public Optional<LocalDate> startedOn() { return Optional.ofNullable(startedOn); }
    public Optional<LocalDate> endedOn() { return Optional.ofNullable(endedOn); }
    public Optional<String> note() { return Optional.ofNullable(note); }

    /** Days waited from request until start, or until the given date while not started. */
    public long waitingDays(LocalDate today) {
        return ChronoUnit.DAYS.between(requestedOn, startedOn != null ? startedOn : today);
    }

    public boolean isRunningOn(LocalDate date) {
        return startedOn != null && !startedOn.isAfter(date) && (endedOn == null || endedOn.isAfter(date));
    }

    void forgetNote() {
        this.note = null;
    }

    /** An effort starts on or after it was requested, and ends only once started, on or after its start. */
    public static List<CaseRuleException.Violation> datesProblems(LocalDate requestedOn, LocalDate startedOn, LocalDate endedOn) {
        List<CaseRuleException.Violation> problems = new ArrayList<>();
        if (startedOn != null && requestedOn != null && startedOn.isBefore(requestedOn)) {
            problems.add(CaseRuleException.Violation.of("startedOn", "beforeRequested"));
        }
        if (endedOn != null && startedOn == null) {
            problems.add(CaseRuleException.Violation.of("endedOn", "endBeforeStarted"));
        } else if (endedOn != null && endedOn.isBefore(startedOn)) {
            problems.add(CaseRuleException.Violation.of("endedOn", "beforeStarted"));
        }
        return problems;
    }

    /** As {@link #datesProblems} for moving this effort on: a new start, a new end, or both (null: unchanged). */
    public List<CaseRuleException.Violation> moveProblems(LocalDate newStart, LocalDate newEnd) {
        List<CaseRuleException.Violation> problems = new ArrayList<>();
        if (newStart != null && newStart.isBefore(requestedOn)) {
            problems.add(CaseRuleException.Violation.of("startedOn", "beforeRequestedOn", requestedOn));
        }
        LocalDate start = newStart != null ? newStart : startedOn;
        if (newEnd != null && start == null) {
            problems.add(CaseRuleException.Violation.of("endedOn", "endBeforeStarted"));
        } else if (newEnd != null && newEnd.isBefore(start)) {
            problems.add(CaseRuleException.Violation.of("endedOn", "beforeStartedOn", start));
        }
        return problems;
    }

    void start(LocalDate on) {
        CaseRuleException.throwIfAny(moveProblems(on, null));
        this.startedOn = on;
    }

    void end(LocalDate on) {
        CaseRuleException.throwIfAny(moveProblems(null, on));
        this.endedOn = on;
    }
}
