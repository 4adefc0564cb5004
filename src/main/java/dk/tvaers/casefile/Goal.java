package dk.tvaers.casefile;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A goal of the citizen's plan, in the citizen's own words, or (with a parent) one of its sub-goals:
 * agreed at a network meeting, revised at the follow-ups. A goal may name the progression dimension
 * it is measured on, so the follow-ups' scores show against it. One plan per case, whichever
 * department reads it.
 */
@Entity
@Table(name = "plan_goal")
public class Goal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long parentId;
    private Long meetingId;
    private String text;
    @Enumerated(EnumType.STRING)
    private Dimension dimension;
    @Enumerated(EnumType.STRING)
    private GoalStatus status;
    private LocalDate agreedOn;
    private LocalDate statusOn;

    protected Goal() {
    }

    Goal(Long parentId, Long meetingId, String text, Dimension dimension, LocalDate agreedOn) {
        this.parentId = parentId;
        this.meetingId = meetingId;
        this.text = text;
        this.dimension = dimension;
        this.status = GoalStatus.ACTIVE;
        this.agreedOn = agreedOn;
    }

    public Long id() { return id; }
    /** The goal a sub-goal belongs to; empty for a goal. */
    public Optional<Long> parentId() { return Optional.ofNullable(parentId); }
    public boolean isSubGoal() { return parentId != null; }
    public Optional<Long> meetingId() { return Optional.ofNullable(meetingId); }
    public String text() { return text; }
    public Optional<Dimension> dimension() { return Optional.ofNullable(dimension); }
    public GoalStatus status() { return status; }
    public LocalDate agreedOn() { return agreedOn; }
    /** When the status last changed; empty while it is the one agreed. */
    public Optional<LocalDate> statusOn() { return Optional.ofNullable(statusOn); }

    /** Sets the status; false when it was that already. */
    boolean changeStatus(GoalStatus next, LocalDate on) {
        if (status == next) {
            return false;
        }
        this.status = next;
        this.statusOn = on;
        return true;
    }

    void forgetText() {
        this.text = "(anonymiseret)";
    }
}
