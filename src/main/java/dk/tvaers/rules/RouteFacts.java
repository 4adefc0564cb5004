package dk.tvaers.rules;

import java.time.LocalDate;

/**
 * What the route has done with the case: when the youth team discussed it, when an
 * interdisciplinary effort was decided, the last network meeting and follow-up, the next step
 * that is scheduled (a due task or a timer), and the last day anything happened.
 */
public record RouteFacts(LocalDate sparringHeldOn, LocalDate interdisciplinaryDecidedOn,
                         LocalDate lastNetworkMeetingOn, LocalDate lastFollowUpOn,
                         LocalDate nextStepOn, LocalDate lastActivityOn) {

    public boolean isNetworkMeetingHeldSinceDecision() {
        return interdisciplinaryDecidedOn != null && lastNetworkMeetingOn != null
                && !lastNetworkMeetingOn.isBefore(interdisciplinaryDecidedOn);
    }

    public boolean isFollowedUpOnOrAfter(LocalDate day) {
        return lastFollowUpOn != null && !lastFollowUpOn.isBefore(day);
    }

    public boolean hasNextStepFrom(LocalDate day) {
        return nextStepOn != null && !nextStepOn.isBefore(day);
    }
}
