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

    void start(LocalDate on) {
        this.startedOn = on;
    }

    void end(LocalDate on) {
        this.endedOn = on;
    }
}
