package dk.tvaers.route;

import dk.tvaers.casefile.ConsentGiver;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.Participant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a coordinator records when completing one of the default route's user tasks. */
public sealed interface TaskForm {

    String taskKey();

    /** registerConsent */
    record RegisterConsent(boolean consentGiven, ConsentGiver givenBy, Set<Department> departments, LocalDate givenOn) implements TaskForm {
        public String taskKey() { return RouteProcess.Tasks.REGISTER_CONSENT; }
    }

    /** youthTeamSparring: INTERDISCIPLINARY, SINGLE_DISCIPLINE or CLOSE. */
    record YouthTeamSparring(String outcome, Set<Department> departments, String note) implements TaskForm {
        public String taskKey() { return RouteProcess.Tasks.YOUTH_TEAM_SPARRING; }
    }

    /** An agreement made at a network meeting. */
    record AgreementLine(String text, String owner, LocalDate due) {}

    /** networkMeeting: nextStep INTERNSHIP or FOLLOW_UP. */
    record NetworkMeeting(LocalDate heldOn, List<Participant> participants, List<AgreementLine> agreements, String nextStep) implements TaskForm {
        public String taskKey() { return RouteProcess.Tasks.NETWORK_MEETING; }
    }

    /** findInternship */
    record FindInternship(String company, LocalDate startsOn, LocalDate endsOn) implements TaskForm {
        public String taskKey() { return RouteProcess.Tasks.FIND_INTERNSHIP; }
    }

    /** internshipKickoff */
    record InternshipKickoff(LocalDate heldOn) implements TaskForm {
        public String taskKey() { return RouteProcess.Tasks.INTERNSHIP_KICKOFF; }
    }

    /** internshipMidwayReview */
    record InternshipMidwayReview(LocalDate heldOn, String note) implements TaskForm {
        public String taskKey() { return RouteProcess.Tasks.INTERNSHIP_MIDWAY_REVIEW; }
    }

    /** evaluateInternship: JOB, ORDINARY_HOURS, EXTEND or ENDED. */
    record EvaluateInternship(String result, Integer hoursPerWeek) implements TaskForm {
        public String taskKey() { return RouteProcess.Tasks.EVALUATE_INTERNSHIP; }
    }

    /** followUp: CONTINUE, NEW_NETWORK_MEETING or CLOSE (with closeReason JOB, EDUCATION or OTHER). */
    record FollowUp(Map<String, Integer> progression, String outcome, String closeReason) implements TaskForm {
        public String taskKey() { return RouteProcess.Tasks.FOLLOW_UP; }
    }
}
