package dk.tvaers.casefile;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Optional;

/** A concrete agreement from a meeting: what, who owns it, by when, and the sub-goal of the plan it serves. */
@Entity
@Table(name = "agreement")
public class Agreement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long meetingId;
    private String text;
    private String owner;
    private LocalDate due;
    private LocalDate doneOn;
    private Long subGoalId;

    protected Agreement() {
    }

    Agreement(Long meetingId, Long subGoalId, String text, String owner, LocalDate due) {
        this.meetingId = meetingId;
        this.subGoalId = subGoalId;
        this.text = text;
        this.owner = owner;
        this.due = due;
    }

    public Long id() { return id; }
    public Optional<Long> meetingId() { return Optional.ofNullable(meetingId); }
    public String text() { return text; }
    public String owner() { return owner; }
    public LocalDate due() { return due; }
    public Optional<LocalDate> doneOn() { return Optional.ofNullable(doneOn); }
    /** The sub-goal of the plan the agreement serves; empty for one made without (or before the plan). */
    public Optional<Long> subGoalId() { return Optional.ofNullable(subGoalId); }

    void forgetText() {
        this.text = "(anonymiseret)";
    }

    void markDone(LocalDate on) {
        this.doneOn = on;
    }
}
