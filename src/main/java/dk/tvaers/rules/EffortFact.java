package dk.tvaers.rules;

import java.time.LocalDate;

/** An effort (indsats) of the case, with its dates; {@code name} is the Danish name. */
public record EffortFact(long id, String type, String name, String department, LocalDate requestedOn,
                         LocalDate startedOn, LocalDate endedOn) {

    public boolean isWaiting() {
        return startedOn == null;
    }

    public boolean isEnded() {
        return endedOn != null;
    }

    /** Started, and not ended, on that day. */
    public boolean isRunningOn(LocalDate day) {
        return startedOn != null && !startedOn.isAfter(day) && (endedOn == null || endedOn.isAfter(day));
    }
}
